package io.polyshop.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel's delivery of a notification: its status, how many attempts were made, when it is due
 * next, the message as rendered for the channel (kept once rendered, so every attempt sends the
 * same), the provider's id for it, and its history.
 */
public record Delivery(
        Channel channel,
        DeliveryStatus status,
        int attempts,
        Optional<Instant> dueAt,
        Optional<RenderedMessage> message,
        Optional<String> providerMessageId,
        List<DeliveryLogEntry> log) {

    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        log = List.copyOf(log);
    }

    public static Delivery due(Channel channel, Instant now) {
        return new Delivery(
                channel,
                DeliveryStatus.PENDING,
                0,
                Optional.of(now),
                Optional.empty(),
                Optional.empty(),
                List.of(new DeliveryLogEntry(now, DeliveryStatus.PENDING, 0, "created")));
    }

    public static Delivery optedOut(Channel channel, Instant now) {
        return new Delivery(
                channel,
                DeliveryStatus.OPTED_OUT,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(new DeliveryLogEntry(
                        now, DeliveryStatus.OPTED_OUT, 0, "the customer opted out of " + channel + "; nothing sent")));
    }

    /** Due for an attempt: waiting and its time has come, or held by a sender whose hold ran out. */
    public boolean isDueAt(Instant now) {
        return (status == DeliveryStatus.PENDING || status == DeliveryStatus.SENDING)
                && dueAt.isPresent()
                && !dueAt.get().isAfter(now);
    }

    /** A sender takes the delivery for one attempt; if it never reports back, it is due again after {@code hold}. */
    public Delivery claimed(Instant now, Duration hold) {
        if (!isDueAt(now)) {
            throw new DeliveryStateException(channel + " delivery is not due");
        }
        return new Delivery(
                channel,
                DeliveryStatus.SENDING,
                attempts + 1,
                Optional.of(now.plus(hold)),
                message,
                providerMessageId,
                log);
    }

    public Delivery sent(Instant now, RenderedMessage sentMessage, String providerId) {
        requireStatus(DeliveryStatus.SENDING);
        return new Delivery(
                channel,
                DeliveryStatus.SENT,
                attempts,
                Optional.empty(),
                Optional.of(sentMessage),
                Optional.of(providerId),
                logged(now, DeliveryStatus.SENT, "accepted as " + providerId));
    }

    /** The attempt failed: due again after the policy's backoff, or dead once it allows no more. */
    public Delivery failed(Instant now, Optional<RenderedMessage> rendered, String reason, RetryPolicy policy) {
        requireStatus(DeliveryStatus.SENDING);
        Optional<RenderedMessage> kept = message.or(() -> rendered);
        if (policy.exhaustedAfter(attempts)) {
            return new Delivery(
                    channel,
                    DeliveryStatus.DEAD,
                    attempts,
                    Optional.empty(),
                    kept,
                    providerMessageId,
                    logged(now, DeliveryStatus.DEAD, "gave up after " + attempts + " attempts: " + reason));
        }
        Instant next = now.plus(policy.backoffAfter(attempts));
        return new Delivery(
                channel,
                DeliveryStatus.PENDING,
                attempts,
                Optional.of(next),
                kept,
                providerMessageId,
                logged(
                        now,
                        DeliveryStatus.PENDING,
                        "attempt " + attempts + " failed: " + reason + "; next at " + next));
    }

    /** An operator sends a dead delivery again, with a fresh set of attempts. */
    public Delivery resent(Instant now, String by) {
        if (status != DeliveryStatus.DEAD) {
            throw new DeliveryStateException(
                    channel + " delivery is " + status + "; only a DEAD one can be sent again");
        }
        return new Delivery(
                channel,
                DeliveryStatus.PENDING,
                0,
                Optional.of(now),
                message,
                providerMessageId,
                logged(now, DeliveryStatus.PENDING, "sent again by " + by));
    }

    private List<DeliveryLogEntry> logged(Instant now, DeliveryStatus newStatus, String detail) {
        List<DeliveryLogEntry> entries = new ArrayList<>(log);
        entries.add(new DeliveryLogEntry(now, newStatus, attempts, detail));
        return entries;
    }

    private void requireStatus(DeliveryStatus... allowed) {
        for (DeliveryStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new DeliveryStateException(channel + " delivery is " + status);
    }
}
