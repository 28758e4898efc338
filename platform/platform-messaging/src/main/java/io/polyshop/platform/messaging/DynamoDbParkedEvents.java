package io.polyshop.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Parked events of the DynamoDB outbox: moved, in one transaction, from their shard to the
 * {@value #SHARD} partition of the same table, sorted by when they were parked, with the reason
 * and where they came from. Releasing one moves it back to its place in its shard, ahead of every
 * younger event. It also measures the outbox's backlog (a count per shard).
 */
public class DynamoDbParkedEvents implements ParkedEvents {

    static final String SHARD = "parked";

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final Clock clock;
    private final Consumer<Set<String>> released;

    /** @param released told the shard that got a released event back */
    public DynamoDbParkedEvents(
            DynamoDbClient dynamo, String table, int shards, Clock clock, Consumer<Set<String>> released) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
        this.clock = clock;
        this.released = released;
    }

    /** Moves {@code event} out of its shard into the parked partition, with the reason. */
    void park(Map<String, AttributeValue> event, String reason) {
        Instant now = clock.instant();
        Map<String, AttributeValue> parked = new HashMap<>(event);
        parked.put(DynamoDbOutbox.SHARD, AttributeValue.fromS(SHARD));
        parked.put(
                DynamoDbOutbox.SEQUENCE,
                AttributeValue.fromS(now + "-" + event.get("id").s()));
        parked.put("originShard", event.get(DynamoDbOutbox.SHARD));
        parked.put("originSeq", event.get(DynamoDbOutbox.SEQUENCE));
        parked.put("reason", AttributeValue.fromS(reason));
        parked.put("parkedAt", AttributeValue.fromS(now.toString()));
        dynamo.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder()
                        .put(put -> put.tableName(table).item(parked))
                        .build(),
                TransactWriteItem.builder()
                        .delete(delete -> delete.tableName(table).key(keyOf(event)))
                        .build()));
    }

    @Override
    public List<Parked> list(int limit) {
        return parkedItems(limit).stream()
                .map(item -> new Parked(
                        item.get("id").s(),
                        item.get("topic").s(),
                        item.get("key").s(),
                        item.get("type").s(),
                        item.get("reason").s(),
                        Instant.parse(item.get("parkedAt").s())))
                .toList();
    }

    @Override
    public long count() {
        return countIn(SHARD);
    }

    @Override
    public boolean release(String eventId) {
        Map<String, AttributeValue> parked = dynamo
                .query(query -> query.tableName(table)
                        .keyConditionExpression("#shard = :shard")
                        .filterExpression("id = :id")
                        .expressionAttributeNames(Map.of("#shard", DynamoDbOutbox.SHARD))
                        .expressionAttributeValues(
                                Map.of(":shard", AttributeValue.fromS(SHARD), ":id", AttributeValue.fromS(eventId)))
                        .consistentRead(true))
                .items()
                .stream()
                .findFirst()
                .orElse(null);
        if (parked == null) {
            return false;
        }
        Map<String, AttributeValue> event = new HashMap<>(parked);
        event.put(DynamoDbOutbox.SHARD, parked.get("originShard"));
        event.put(DynamoDbOutbox.SEQUENCE, parked.get("originSeq"));
        List.of("originShard", "originSeq", "reason", "parkedAt").forEach(event::remove);
        dynamo.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder()
                        .put(put -> put.tableName(table).item(event))
                        .build(),
                TransactWriteItem.builder()
                        .delete(delete -> delete.tableName(table).key(keyOf(parked)))
                        .build()));
        released.accept(Set.of(event.get(DynamoDbOutbox.SHARD).s()));
        return true;
    }

    /** Pending events over every shard, the oldest one's age, and the parked. */
    OutboxBacklog.Snapshot backlog() {
        Instant now = clock.instant();
        long pending = 0;
        Instant oldest = null;
        for (int shard = 0; shard < shards; shard++) {
            String name = DynamoDbOutbox.shardName(shard);
            pending += countIn(name);
            List<Map<String, AttributeValue>> first = dynamo.query(query -> query.tableName(table)
                            .keyConditionExpression("#shard = :shard")
                            .expressionAttributeNames(Map.of("#shard", DynamoDbOutbox.SHARD))
                            .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(name)))
                            .consistentRead(true)
                            .limit(1))
                    .items();
            if (!first.isEmpty() && first.getFirst().containsKey("createdAt")) {
                Instant created =
                        Instant.parse(first.getFirst().get("createdAt").s());
                oldest = oldest == null || created.isBefore(oldest) ? created : oldest;
            }
        }
        return new OutboxBacklog.Snapshot(
                pending,
                oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now),
                count());
    }

    private List<Map<String, AttributeValue>> parkedItems(int limit) {
        return dynamo.query(query -> query.tableName(table)
                        .keyConditionExpression("#shard = :shard")
                        .expressionAttributeNames(Map.of("#shard", DynamoDbOutbox.SHARD))
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(SHARD)))
                        .consistentRead(true)
                        .limit(limit))
                .items();
    }

    private long countIn(String shard) {
        long count = 0;
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#shard = :shard")
                    .expressionAttributeNames(Map.of("#shard", DynamoDbOutbox.SHARD))
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard)))
                    .consistentRead(true)
                    .select(Select.COUNT);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            count += page.count();
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return count;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(
                DynamoDbOutbox.SHARD, item.get(DynamoDbOutbox.SHARD),
                DynamoDbOutbox.SEQUENCE, item.get(DynamoDbOutbox.SEQUENCE));
    }
}
