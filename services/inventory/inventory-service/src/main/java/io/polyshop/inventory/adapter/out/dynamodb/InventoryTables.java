package io.polyshop.inventory.adapter.out.dynamodb;

import io.polyshop.platform.messaging.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Inventory's tables, named with a prefix so that several deployments (or test contexts) can share
 * one DynamoDB:
 *
 * <ul>
 *   <li>{@code stock}: one item per SKU with {@code onHand}, {@code reserved} and {@code available}
 *       (kept explicitly, because a condition can compare an attribute but not compute one);
 *   <li>{@code reservations}: one item per reservation; a held one also carries {@code heldShard},
 *       which puts it into the sparse {@value #HELD_BY_EXPIRY} index that the expiry sweep reads;
 *   <li>{@code ledger}: the append-only stock changes, by SKU and then entry id.
 * </ul>
 */
public record InventoryTables(String stock, String reservations, String ledger) {

    public static final String HELD_BY_EXPIRY = "held-by-expiry";

    public static InventoryTables prefixed(String prefix) {
        return new InventoryTables(prefix + "stock", prefix + "reservations", prefix + "ledger");
    }

    /** Creates whichever table is missing and waits until it can be used. */
    public void ensureExist(DynamoDbClient dynamo) {
        DynamoDbTables.ensure(
                dynamo,
                CreateTableRequest.builder()
                        .tableName(stock)
                        .keySchema(key("sku", KeyType.HASH))
                        .attributeDefinitions(attribute("sku", ScalarAttributeType.S))
                        .build());
        DynamoDbTables.ensure(
                dynamo,
                CreateTableRequest.builder()
                        .tableName(reservations)
                        .keySchema(key("id", KeyType.HASH))
                        .attributeDefinitions(
                                attribute("id", ScalarAttributeType.S),
                                attribute("heldShard", ScalarAttributeType.S),
                                attribute("expiresAt", ScalarAttributeType.N))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName(HELD_BY_EXPIRY)
                                .keySchema(key("heldShard", KeyType.HASH), key("expiresAt", KeyType.RANGE))
                                .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
                                .build())
                        .build());
        DynamoDbTables.ensure(
                dynamo,
                CreateTableRequest.builder()
                        .tableName(ledger)
                        .keySchema(key("sku", KeyType.HASH), key("entry", KeyType.RANGE))
                        .attributeDefinitions(
                                attribute("sku", ScalarAttributeType.S), attribute("entry", ScalarAttributeType.S))
                        .build());
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }
}
