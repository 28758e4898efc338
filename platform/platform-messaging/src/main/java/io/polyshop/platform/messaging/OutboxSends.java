package io.polyshop.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * One relay round's sends, shared by the three outbox relays: every event of the batch is sent
 * before any acknowledgement is awaited (the idempotent producer keeps each key's order), and the
 * answer for each event says what the relay does with it:
 *
 * <ul>
 *   <li>{@link Acknowledged}: Kafka has it; it is never sent again;
 *   <li>{@link Refused}: Kafka will never take it (too large, an invalid topic or record); the relay
 *       parks it with the reason, where an operator sees it and can release it after a fix;
 *   <li>{@link Failed}: it may go through later (the broker away, a timeout); it stays pending and
 *       the relay backs off;
 *   <li>{@link NotSent}: sending stopped before it, because the producer refused at once.
 * </ul>
 */
final class OutboxSends {

    sealed interface Outcome permits Acknowledged, Refused, Failed, NotSent {}

    record Acknowledged() implements Outcome {}

    record Refused(String reason) implements Outcome {}

    record Failed(Exception failure) implements Outcome {}

    record NotSent() implements Outcome {}

    /** The outcomes of a round: one per event, in the batch's order. */
    record Round(List<Outcome> outcomes) {

        /** Events that left the relay's hands: acknowledged by Kafka, or refused for good and parked. */
        int handled() {
            return (int) outcomes.stream()
                    .filter(outcome -> outcome instanceof Acknowledged || outcome instanceof Refused)
                    .count();
        }

        /** The first failure that may pass, which makes the relay back off; null when there was none. */
        Exception firstFailure() {
            return outcomes.stream()
                    .filter(Failed.class::isInstance)
                    .map(outcome -> ((Failed) outcome).failure())
                    .findFirst()
                    .orElse(null);
        }
    }

    private OutboxSends() {}

    static <E> Round send(
            KafkaOperations<String, Object> kafka, List<E> events, Function<E, ProducerRecord<String, Object>> record) {
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(events.size());
        for (E event : events) {
            try {
                sends.add(kafka.send(record.apply(event)));
            } catch (RuntimeException e) {
                // Without metadata (broker away) the client refuses at once instead of failing the future.
                sends.add(CompletableFuture.failedFuture(e));
                if (!neverAccepted(e)) {
                    break;
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (CompletableFuture<SendResult<String, Object>> send : sends) {
            outcomes.add(outcomeOf(send));
        }
        while (outcomes.size() < events.size()) {
            outcomes.add(new NotSent());
        }
        return new Round(outcomes);
    }

    private static Outcome outcomeOf(CompletableFuture<SendResult<String, Object>> send) {
        try {
            send.get();
            return new Acknowledged();
        } catch (ExecutionException e) {
            Exception cause = e.getCause() instanceof Exception exception ? exception : e;
            return refusal(cause)
                    .<Outcome>map(refused -> new Refused(reason(refused)))
                    .orElseGet(() -> new Failed(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(e);
        }
    }

    private static boolean neverAccepted(Throwable failure) {
        return refusal(failure).isPresent();
    }

    /** Kafka's refusal of the record for what it is, so that sending it again cannot help. */
    private static Optional<Throwable> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidTopicException
                    || cause instanceof InvalidRecordException
                    || cause instanceof SerializationException) {
                return Optional.of(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String reason(Throwable refusal) {
        String reason = refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
