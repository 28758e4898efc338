package io.polyshop.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Idempotent consumption: the event id is recorded in {@code polyshop_messaging.inbox_event} in the same transaction as
 * the effect, so a redelivered event (at-least-once delivery, a replay, a relay retry) has one
 * effect. Two deliveries racing each other serialize on the primary key.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public Inbox(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already applied {@code eventId}.
     *
     * @return whether the effect ran
     */
    public boolean applyOnce(String consumer, String eventId, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            int recorded = jdbc.sql(
                            "insert into polyshop_messaging.inbox_event (consumer, event_id) values (:consumer, :id) on conflict do nothing")
                    .param("consumer", consumer)
                    .param("id", eventId)
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
