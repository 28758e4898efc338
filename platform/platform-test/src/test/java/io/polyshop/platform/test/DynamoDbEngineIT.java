package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbEngineIT {

    @Test
    void appliesConditionalUpdatesOnlyWhenTheConditionHolds() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(TestEngines.dynamoDbEndpoint()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            dynamo.createTable(table -> table.tableName("stock_engine_it")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("sku")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("sku")
                            .attributeType(ScalarAttributeType.S)
                            .build()));
            dynamo.putItem(
                    put -> put.tableName("stock_engine_it").item(Map.of("sku", text("SKU-1"), "available", number(1))));

            reserveOne(dynamo);

            assertThatThrownBy(() -> reserveOne(dynamo)).isInstanceOf(ConditionalCheckFailedException.class);
            var item = dynamo.getItem(get -> get.tableName("stock_engine_it").key(Map.of("sku", text("SKU-1"))))
                    .item();
            assertThat(item.get("available").n()).isEqualTo("0");
        }
    }

    private static void reserveOne(DynamoDbClient dynamo) {
        dynamo.updateItem(update -> update.tableName("stock_engine_it")
                .key(Map.of("sku", text("SKU-1")))
                .updateExpression("SET available = available - :one")
                .conditionExpression("available >= :one")
                .expressionAttributeValues(Map.of(":one", number(1))));
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
