package io.polyshop.platform.resilience;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB answers a request (listing one table), within the client's own timeouts. */
public class DynamoDbHealthIndicator implements HealthIndicator {

    private final DynamoDbClient dynamo;

    public DynamoDbHealthIndicator(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Health health() {
        try {
            dynamo.listTables(tables -> tables.limit(1));
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
