package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox for DynamoDB: a pending event is one more item in the {@code TransactWriteItems}
 * that changes the aggregate, so both are written or neither. Items live in their own table,
 * partitioned into a few shards by the event's key and sorted within a shard by a sequence that
 * grows with time, so the {@link DynamoDbOutboxRelay} reads each key's events in write order.
 *
 * <p>Usage in an adapter: add {@code outbox.pending(...)} to the transaction's items, then call
 * {@link #written(Collection)} once it committed.
 */
public class DynamoDbOutbox {

    static final String SHARD = "shard";
    static final String SEQUENCE = "seq";

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final EventEnvelopes envelopes;
    private final JsonMapper json;
    private final Supplier<String> traceParent;
    private final Consumer<Set<String>> afterWrite;
    private final Clock clock;
    private final AtomicLong lastMicros = new AtomicLong();

    public DynamoDbOutbox(
            DynamoDbClient dynamo,
            String table,
            int shards,
            EventEnvelopes envelopes,
            JsonMapper json,
            Supplier<String> traceParent,
            Consumer<Set<String>> afterWrite,
            Clock clock) {
        if (shards < 1) {
            throw new IllegalArgumentException("the outbox needs at least one shard");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
        this.envelopes = envelopes;
        this.json = json;
        this.traceParent = traceParent;
        this.afterWrite = afterWrite;
        this.clock = clock;
    }

    public String table() {
        return table;
    }

    static String shardName(int shard) {
        return "s" + shard;
    }

    /** Creates the outbox table unless it exists. */
    public void ensureTable() {
        DynamoDbTables.ensure(
                dynamo,
                CreateTableRequest.builder()
                        .tableName(table)
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName(SHARD)
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName(SEQUENCE)
                                        .keyType(KeyType.RANGE)
                                        .build())
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName(SHARD)
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName(SEQUENCE)
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .build());
    }

    /**
     * The item to add to the aggregate's transaction: {@code payload} as a CloudEvent of
     * {@code type} about {@code aggregateId}, to be published on {@code topic} keyed by that id.
     */
    public TransactWriteItem pending(String topic, String aggregateId, String type, Object payload) {
        CloudEvent event = envelopes.envelope(type, aggregateId, json.writeValueAsBytes(payload));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SHARD, string(shardName(Math.floorMod(aggregateId.hashCode(), shards))));
        item.put(SEQUENCE, string(String.format("%019d-%s", nextMicros(), event.getId())));
        item.put("id", string(event.getId()));
        item.put("topic", string(topic));
        item.put("key", string(aggregateId));
        item.put("type", string(type));
        item.put("envelope", string(new String(envelopes.serialize(event), StandardCharsets.UTF_8)));
        item.put("createdAt", string(clock.instant().toString()));
        String trace = traceParent.get();
        if (trace != null) {
            item.put("traceParent", string(trace));
        }
        return TransactWriteItem.builder()
                .put(put -> put.tableName(table).item(item))
                .build();
    }

    /**
     * Tells the relay that a transaction committed: it looks at once into the shards that received
     * events among {@code committed} (the transaction's items; others are ignored).
     */
    public void written(Collection<TransactWriteItem> committed) {
        Set<String> shards = committed.stream()
                .filter(item -> item.put() != null && item.put().tableName().equals(table))
                .map(item -> item.put().item().get(SHARD).s())
                .collect(Collectors.toSet());
        if (!shards.isEmpty()) {
            afterWrite.accept(shards);
        }
    }

    /** Microseconds since the epoch, strictly increasing within this process. */
    private long nextMicros() {
        long now = clock.millis() * 1_000;
        return lastMicros.updateAndGet(last -> Math.max(now, last + 1));
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }
}
