package io.polyshop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Publishes the DynamoDB outbox: each round queries every shard in sequence order, sends what it
 * found (all sends first, then the acknowledgements), and deletes every acknowledged event, so
 * nothing Kafka has is sent again. An event Kafka refuses for what it is (too large, an invalid
 * topic) is moved to the parked partition ({@link DynamoDbParkedEvents}); one that failed for a
 * reason that may pass stays for the next round. One instance relays at a time, holding a lease
 * item it renews every round.
 */
public class DynamoDbOutboxRelay extends RelayLoop {

    private static final String LEASE = "lease";
    private static final Duration LEASE_TIME = Duration.ofSeconds(15);
    private static final Duration RENEW_BEFORE = LEASE_TIME.multipliedBy(2).dividedBy(3);
    private static final int DELETES_PER_BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final DynamoDbParkedEvents parked;
    private final String instance = UUID.randomUUID().toString();
    private long leaseExpiresAt;
    private long nextSweep;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    public DynamoDbOutboxRelay(
            DynamoDbClient dynamo,
            String table,
            int shards,
            KafkaOperations<String, Object> kafka,
            MessagingProperties.Relay settings,
            Clock clock) {
        super("dynamodb-outbox-relay", settings);
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
        this.parked = new DynamoDbParkedEvents(dynamo, table, shards, clock, this::wakeUp);
    }

    /** Where this relay parks the events Kafka refuses for good. */
    public DynamoDbParkedEvents parkedEvents() {
        return parked;
    }

    /** Called after a commit that added events to {@code shards}: the next round looks there at once. */
    public void wakeUp(Set<String> shards) {
        dirty.addAll(shards);
        wakeUp();
    }

    /**
     * Queries the shards written to since the last round, or every shard once per idle poll (to
     * pick up what other instances wrote, or what a restart left behind). A shard is drained before
     * the round moves on.
     */
    @Override
    protected Round relayOnce() {
        if (!holdLease()) {
            return new Round(0, null);
        }
        long now = clock.millis();
        List<String> due = new ArrayList<>();
        if (now >= nextSweep) {
            nextSweep = now + settings.idlePoll().toMillis();
            for (int shard = 0; shard < shards; shard++) {
                due.add(DynamoDbOutbox.shardName(shard));
            }
            dirty.clear();
        } else {
            for (String shard : dirty) {
                if (dirty.remove(shard)) {
                    due.add(shard);
                }
            }
        }
        int published = 0;
        for (String shard : due) {
            Round round;
            do {
                round = relay(shard, settings.batchSize());
                published += round.published();
            } while (round.failure() == null && round.published() == settings.batchSize());
            if (round.failure() != null) {
                dirty.add(shard);
                return new Round(published, round.failure());
            }
        }
        return new Round(published, null);
    }

    private Round relay(String shard, int limit) {
        List<Map<String, AttributeValue>> events = dynamo.query(query -> query.tableName(table)
                        .keyConditionExpression("#shard = :shard")
                        .expressionAttributeNames(Map.of("#shard", DynamoDbOutbox.SHARD))
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard)))
                        .consistentRead(true)
                        .limit(limit))
                .items();
        OutboxSends.Round round = OutboxSends.send(kafka, events, DynamoDbOutboxRelay::toRecord);
        List<Map<String, AttributeValue>> acknowledged = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            switch (round.outcomes().get(i)) {
                case OutboxSends.Acknowledged ignored -> acknowledged.add(events.get(i));
                case OutboxSends.Refused refused -> parked.park(events.get(i), refused.reason());
                default -> {}
            }
        }
        delete(acknowledged);
        return new Round(round.handled(), round.firstFailure());
    }

    private void delete(List<Map<String, AttributeValue>> events) {
        for (int from = 0; from < events.size(); from += DELETES_PER_BATCH) {
            List<WriteRequest> deletes =
                    events.subList(from, Math.min(events.size(), from + DELETES_PER_BATCH)).stream()
                            .map(event -> WriteRequest.builder()
                                    .deleteRequest(DeleteRequest.builder()
                                            .key(Map.of(
                                                    DynamoDbOutbox.SHARD, event.get(DynamoDbOutbox.SHARD),
                                                    DynamoDbOutbox.SEQUENCE, event.get(DynamoDbOutbox.SEQUENCE)))
                                            .build())
                                    .build())
                            .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, deletes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(batch -> batch.requestItems(request))
                        .unprocessedItems();
            }
        }
    }

    /**
     * Takes or keeps the lease. A lease held with more than two thirds of its time left is kept
     * without a write: under load a round runs after every commit, and DynamoDB Local serializes
     * every write, so renewing each round cost as much as the events themselves.
     */
    private boolean holdLease() {
        long now = clock.millis();
        if (now < leaseExpiresAt - RENEW_BEFORE.toMillis()) {
            return true;
        }
        try {
            dynamo.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            DynamoDbOutbox.SHARD,
                            AttributeValue.fromS(LEASE),
                            DynamoDbOutbox.SEQUENCE,
                            AttributeValue.fromS(LEASE),
                            "holder",
                            AttributeValue.fromS(instance),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(now + LEASE_TIME.toMillis()))))
                    .conditionExpression("attribute_not_exists(holder) OR holder = :me OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(
                            ":me", AttributeValue.fromS(instance),
                            ":now", AttributeValue.fromN(Long.toString(now)))));
            leaseExpiresAt = now + LEASE_TIME.toMillis();
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            leaseExpiresAt = 0;
            return false;
        }
    }

    private static ProducerRecord<String, Object> toRecord(Map<String, AttributeValue> event) {
        AttributeValue trace = event.get("traceParent");
        return EventEnvelopes.producerRecord(
                event.get("topic").s(),
                event.get("key").s(),
                event.get("envelope").s().getBytes(StandardCharsets.UTF_8),
                trace == null ? null : trace.s());
    }
}
