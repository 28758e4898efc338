package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: {@link #append} writes the event into {@code polyshop_messaging.outbox_event} inside the
 * caller's transaction, so the event exists if and only if the state change commits. The relay
 * publishes it after commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventEnvelopes envelopes;
    private final JsonMapper json;
    private final Supplier<String> traceParent;
    private final Runnable afterCommit;

    /**
     * @param traceParent the W3C {@code traceparent} of the current work, or null when untraced; it
     *     travels with the event so that the consumer's span joins the producer's trace
     * @param afterCommit told when a transaction that appended events has committed
     */
    public Outbox(
            JdbcClient jdbc,
            EventEnvelopes envelopes,
            JsonMapper json,
            Supplier<String> traceParent,
            Runnable afterCommit) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.json = json;
        this.traceParent = traceParent;
        this.afterCommit = afterCommit;
    }

    /**
     * Records {@code payload} as a CloudEvent of {@code type} about aggregate {@code aggregateId},
     * to be published on {@code topic} keyed by the aggregate id.
     *
     * @throws IllegalStateException when called outside a transaction: an event without the state
     *     change it describes is exactly what the outbox exists to prevent
     */
    public CloudEvent append(String topic, String aggregateId, String type, Object payload) {
        return append(UUID.randomUUID(), topic, aggregateId, type, payload);
    }

    /**
     * As {@link #append(String, String, String, Object)}, with the event id the caller chose: a
     * saga names its command so that it can learn when the command was published.
     */
    public CloudEvent append(UUID eventId, String topic, String aggregateId, String type, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append must run inside the transaction that changes the state");
        }
        CloudEvent event = envelopes.envelope(eventId, type, aggregateId, json.writeValueAsBytes(payload));
        jdbc.sql("""
                        insert into polyshop_messaging.outbox_event (event_id, topic, message_key, event_type, envelope, trace_parent)
                        values (:id, :topic, :key, :type, :envelope, :traceParent)
                        """)
                .param("id", UUID.fromString(event.getId()))
                .param("topic", topic)
                .param("key", aggregateId)
                .param("type", type)
                .param("envelope", envelopes.serialize(event))
                .param("traceParent", traceParent.get())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return event;
    }
}
