package io.polyshop.inventory.config;

import io.polyshop.inventory.adapter.in.messaging.InventoryCommandsListener;
import io.polyshop.inventory.adapter.in.scheduling.InventoryTimers;
import io.polyshop.inventory.adapter.out.dynamodb.DynamoDbStock;
import io.polyshop.inventory.adapter.out.dynamodb.InventoryTables;
import io.polyshop.inventory.application.InventoryPolicy;
import io.polyshop.inventory.application.LowStockWatch;
import io.polyshop.inventory.application.Reservations;
import io.polyshop.inventory.application.StockAdministration;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.DynamoDbOutbox;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

    /** Requests in flight at once: request threads and twelve saga consumers can ask for many. */
    private static final int DYNAMODB_CONNECTIONS = 128;

    /** The back office: decided by path before a body is read; a read-only role cannot write. */
    @Bean
    GuardedEndpoints inventoryGuardedEndpoints() {
        return GuardedEndpoints.builder()
                .readWrite("/api/v1/admin/**", Permission.INVENTORY_READ_ANY, Permission.INVENTORY_WRITE_ANY)
                .build();
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(InventoryProperties settings) {
        // Each call within seconds, retries included, so that a DynamoDB that is away makes a 503.
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .overrideConfiguration(calls ->
                        calls.apiCallTimeout(Duration.ofSeconds(5)).apiCallAttemptTimeout(Duration.ofSeconds(3)))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(DYNAMODB_CONNECTIONS)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3)));
        if (settings.dynamodbEndpoint() != null) {
            // DynamoDB Local accepts any credentials; real AWS gets the default chain.
            builder.endpointOverride(settings.dynamodbEndpoint())
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Bean
    InventoryTables inventoryTables(DynamoDbClient dynamo, InventoryProperties settings) {
        InventoryTables tables = InventoryTables.prefixed(settings.tablePrefix());
        tables.ensureExist(dynamo);
        return tables;
    }

    @Bean
    DynamoDbStock stock(DynamoDbClient dynamo, InventoryTables tables, DynamoDbOutbox outbox, Clock clock) {
        return new DynamoDbStock(dynamo, tables, outbox, clock);
    }

    @Bean
    InventoryPolicy inventoryPolicy(InventoryProperties settings) {
        return new InventoryPolicy(settings.reservationTtl(), settings.lowStockThreshold());
    }

    @Bean
    LowStockWatch lowStockWatch(DynamoDbStock store, InventoryPolicy policy) {
        return new LowStockWatch(store, policy);
    }

    @Bean
    StockAdministration stockAdministration(DynamoDbStock store, LowStockWatch lowStock) {
        return new StockAdministration(store, lowStock);
    }

    @Bean
    Reservations reservations(DynamoDbStock store, InventoryPolicy policy, LowStockWatch lowStock, Clock clock) {
        return new Reservations(store, policy, lowStock, clock);
    }

    @Bean
    InventoryCommandsListener inventoryCommandsListener(Reservations reservations, ConsumedEvents events) {
        return new InventoryCommandsListener(reservations, events);
    }

    @Bean
    InventoryTimers inventoryTimers(Reservations reservations, LowStockWatch lowStock) {
        return new InventoryTimers(reservations, lowStock);
    }
}
