package io.polyshop.platform.resilience;

import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Store client timeouts Spring Boot has no property for, and health (part of readiness) for the
 * stores Spring Boot does not check: DynamoDB and OpenSearch, whose clients the services build.
 */
@AutoConfiguration
public class StoreClientsAutoConfiguration {

    /**
     * MongoDB gives up on a server after 3 s (30 s by default) and on a reply after 10 s (never by
     * default). Applied before the connection string, so that options in the URI still win.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "com.mongodb.MongoClientSettings",
                "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer"
            })
    static class MongoTimeouts {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer polyshopMongoTimeouts() {
            return settings -> settings.applyToClusterSettings(
                            cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                    .applyToSocketSettings(
                            socket -> socket.connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                "org.springframework.boot.health.contributor.HealthIndicator"
            })
    @ConditionalOnBean(DynamoDbClient.class)
    static class DynamoDbHealth {

        @Bean
        DynamoDbHealthIndicator dynamoDbHealthIndicator(DynamoDbClient dynamo) {
            return new DynamoDbHealthIndicator(dynamo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.opensearch.client.opensearch.OpenSearchClient",
                "org.springframework.boot.health.contributor.HealthIndicator"
            })
    @ConditionalOnBean(OpenSearchTransport.class)
    static class OpenSearchHealth {

        @Bean
        OpenSearchHealthIndicator openSearchHealthIndicator(OpenSearchTransport transport) {
            return new OpenSearchHealthIndicator(new OpenSearchClient(transport));
        }
    }
}
