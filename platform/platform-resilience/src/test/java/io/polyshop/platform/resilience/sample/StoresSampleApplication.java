package io.polyshop.platform.resilience.sample;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A service on DynamoDB, its client built as the inventory service builds it; no MongoDB. */
@SpringBootApplication(excludeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
public class StoresSampleApplication {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(@Value("${sample.dynamodb-endpoint}") URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(calls -> calls.apiCallTimeout(Duration.ofSeconds(5)))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .build();
    }
}
