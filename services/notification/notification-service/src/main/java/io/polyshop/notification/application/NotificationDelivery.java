package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.NotificationChannel;
import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.application.port.out.Recipients;
import io.polyshop.notification.application.port.out.TemplateRenderer;
import io.polyshop.notification.application.port.out.Templates;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryStatus;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.notification.domain.RenderedMessage;
import io.polyshop.notification.domain.RetryPolicy;
import io.polyshop.notification.domain.Template;
import io.polyshop.notification.domain.TemplateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt at a due delivery: renders it for its channel on the first attempt (the
 * recipient's address and the template in the notification's locale as they are then), hands it to the channel, and
 * records the outcome. A failed attempt is due again after the retry policy's backoff; the last one
 * marks the delivery dead and announces it.
 */
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final Notifications notifications;
    private final Templates templates;
    private final Recipients recipients;
    private final TemplateRenderer renderer;
    private final Map<Channel, NotificationChannel> channels;
    private final RetryPolicy retries;
    private final Duration hold;
    private final Clock clock;

    public NotificationDelivery(
            Notifications notifications,
            Templates templates,
            Recipients recipients,
            TemplateRenderer renderer,
            List<NotificationChannel> channels,
            RetryPolicy retries,
            Duration hold,
            Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.recipients = recipients;
        this.renderer = renderer;
        this.channels = new EnumMap<>(Channel.class);
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.retries = retries;
        this.hold = hold;
        this.clock = clock;
    }

    public Set<Channel> channels() {
        return channels.keySet();
    }

    /** Deliveries on {@code channel} that are due now, up to {@code limit}. */
    public List<NotificationId> due(Channel channel, int limit) {
        return notifications.due(channel, clock.instant(), limit);
    }

    /**
     * Makes one attempt at the notification's delivery on {@code channel} and answers the status it
     * left the delivery in (SENT, PENDING for a retry, DEAD); empty when the delivery was not due.
     */
    public Optional<DeliveryStatus> deliver(NotificationId id, Channel channel) {
        Instant now = clock.instant();
        Optional<Notification> found = notifications.find(id);
        Optional<Delivery> due =
                found.flatMap(notification -> notification.delivery(channel)).filter(delivery -> delivery.isDueAt(now));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        // Claimed by a conditional write: of two senders that read it due, one gets it.
        Delivery delivery = due.get().claimed(now, hold);
        if (!notifications.replace(id, due.get(), delivery, Optional.empty())) {
            return Optional.empty();
        }
        Notification notification = found.get();
        Optional<RenderedMessage> rendered = delivery.message();
        Delivery after;
        try {
            RenderedMessage message = rendered.orElseGet(() -> render(notification, channels.get(channel)));
            rendered = Optional.of(message);
            String providerId = channels.get(channel).send(notification.id(), message);
            after = delivery.sent(clock.instant(), message, providerId);
        } catch (RuntimeException failure) {
            after = delivery.failed(clock.instant(), rendered, reason(failure), retries);
            log.info(
                    "{} delivery of notification {} failed at attempt {}: {}",
                    channel,
                    notification.id(),
                    delivery.attempts(),
                    reason(failure));
        }
        boolean dead = after.status() == DeliveryStatus.DEAD;
        if (!notifications.replace(
                notification.id(), delivery, after, dead ? Optional.of(notification) : Optional.empty())) {
            log.warn("{} delivery of notification {} changed while it was being sent", channel, notification.id());
        }
        return Optional.of(after.status());
    }

    private RenderedMessage render(Notification notification, NotificationChannel channel) {
        Recipient recipient = recipients
                .find(notification.customer())
                .orElseThrow(() ->
                        new IllegalStateException("no address is known yet for customer " + notification.customer()));
        TemplateKey key = new TemplateKey(notification.type(), channel.channel(), notification.locale());
        Template template = templates
                .find(key)
                .or(() -> templates.find(key.inDefaultLocale()))
                .orElseThrow(() -> new IllegalStateException("no template for " + key.inDefaultLocale()));
        Map<String, Object> values = new LinkedHashMap<>(notification.values());
        values.put(NotificationType.CUSTOMER_NAME, recipient.displayName());
        return new RenderedMessage(
                channel.addressOf(recipient),
                renderer.render(template.subject(), values, Channel.Markup.PLAIN_TEXT, true),
                renderer.render(template.body(), values, channel.channel().markup(), false));
    }

    private static String reason(RuntimeException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
