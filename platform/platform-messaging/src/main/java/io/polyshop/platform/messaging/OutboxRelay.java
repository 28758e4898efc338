package io.polyshop.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes pending outbox rows to Kafka in commit order, keyed by aggregate id, so that one
 * aggregate's events reach its partition in the order they were written.
 *
 * <p>One relay is active per database at a time (a transaction-scoped advisory lock), which keeps
 * the order across several instances of a service. A round sends a batch, waits for Kafka's
 * acknowledgements and remembers the acknowledged events, which the next round marks published in
 * the statement that reads its batch (one statement per round instead of two; a relay that dies in
 * between sends those events again, which consumers already expect). What Kafka acknowledged is
 * never sent again, even behind a failure. An event Kafka refuses for what it is (too large, an
 * invalid topic) is parked with the reason ({@link JdbcParkedEvents}) instead of blocking the
 * outbox; one that failed for a reason that may pass stays pending, and the relay retries with a
 * doubling pause. Events accumulate in the table while Kafka is away and go out once it is back.
 */
public class OutboxRelay extends RelayLoop {

    private static final long LEADER_LOCK = 0x706f6c79_6f757478L;
    private static final long NO_SEQUENCE = -1;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Relay settings;
    private final JdbcParkedEvents parked;
    private Instant nextCleanup = Instant.EPOCH;

    /** Rows Kafka acknowledged in the last round, not yet marked published. Touched by the relay thread only. */
    private List<Long> sentUnmarked = List.of();

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionOperations transactions,
            KafkaOperations<String, Object> kafka,
            JdbcParkedEvents parked,
            MessagingProperties.Relay settings) {
        super("outbox-relay", settings);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.parked = parked;
        this.settings = settings;
    }

    /** One round: send the oldest pending batch, mark what Kafka acknowledged, park what it refused for good. */
    @Override
    protected Round relayOnce() {
        return transactions.execute(status -> {
            // One statement takes the leader lock, marks what the last round sent and reads the next
            // batch; under another leader it does nothing and reads nothing.
            List<Long> marking = sentUnmarked.isEmpty() ? List.of(NO_SEQUENCE) : sentUnmarked;
            sentUnmarked = List.of();
            List<Pending> batch = jdbc.sql("""
                            with leader as materialized (select pg_try_advisory_xact_lock(:lock) as granted),
                            marked as (
                                update polyshop_messaging.outbox_event set published_at = now()
                                 where sequence in (:sent) and published_at is null
                                   and (select granted from leader))
                            select sequence, topic, message_key, envelope, trace_parent
                              from polyshop_messaging.outbox_event, leader
                             where leader.granted and published_at is null and parked_at is null
                               and sequence not in (:sent)
                             order by sequence limit :limit
                            """)
                    .param("lock", LEADER_LOCK)
                    .param("sent", marking)
                    .param("limit", settings.batchSize())
                    .query(Pending.class)
                    .list();
            OutboxSends.Round round = OutboxSends.send(kafka, batch, Pending::toRecord);
            // Exactly the rows Kafka acknowledged (a row with a smaller sequence may have committed
            // meanwhile, unsent); they are marked by the next round's read, or when the relay stops.
            List<Long> acknowledged = new ArrayList<>();
            Long firstFailed = null;
            for (int i = 0; i < batch.size(); i++) {
                long sequence = batch.get(i).sequence();
                switch (round.outcomes().get(i)) {
                    case OutboxSends.Acknowledged ignored -> acknowledged.add(sequence);
                    case OutboxSends.Refused refused -> parked.park(sequence, refused.reason());
                    case OutboxSends.Failed ignored -> firstFailed = firstFailed == null ? sequence : firstFailed;
                    case OutboxSends.NotSent ignored -> {}
                }
            }
            if (firstFailed != null) {
                jdbc.sql("""
                                update polyshop_messaging.outbox_event
                                   set attempts = attempts + 1, last_error = :error where sequence = :sequence
                                """)
                        .param(
                                "error",
                                truncate(String.valueOf(round.firstFailure().getMessage())))
                        .param("sequence", firstFailed)
                        .update();
            }
            sentUnmarked = List.copyOf(acknowledged);
            return new Round(round.handled(), round.firstFailure());
        });
    }

    @Override
    protected void idle() {
        cleanUpPublished();
    }

    @Override
    protected void stopped() {
        if (!sentUnmarked.isEmpty()) {
            jdbc.sql("update polyshop_messaging.outbox_event set published_at = now() where sequence in (:sent)")
                    .param("sent", sentUnmarked)
                    .update();
            sentUnmarked = List.of();
        }
    }

    private void cleanUpPublished() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
        jdbc.sql("delete from polyshop_messaging.outbox_event where published_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(settings.retention())))
                .update();
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    record Pending(long sequence, String topic, String messageKey, byte[] envelope, String traceParent) {

        ProducerRecord<String, Object> toRecord() {
            return EventEnvelopes.producerRecord(topic, messageKey, envelope, traceParent);
        }
    }
}
