package io.polyshop.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.engines.DynamoDbEngine;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.resilience.sample.StoresSampleApplication;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.TestEngines;
import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = StoresSampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreReadinessIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static DynamoDbEngine dynamoDb;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        dynamoDb = TestEngines.separateDynamoDb("readiness");
        registry.add("sample.dynamodb-endpoint", dynamoDb::address);
    }

    private int readiness() {
        return new ApiClient(port).get("/actuator/health/readiness").status();
    }

    @Test
    void isReadyWhileItsStoresAnswerAndNotWhileOneIsAway() {
        await().atMost(DEADLINE).until(() -> readiness() == 200);

        dynamoDb.close();
        try {
            await().atMost(DEADLINE).until(() -> readiness() == 503);
            assertThat(new ApiClient(port).get("/actuator/health/readiness").body())
                    .contains("\"dynamoDb\"")
                    .contains("DOWN");
        } finally {
            dynamoDb.start();
        }

        await().atMost(DEADLINE).until(() -> readiness() == 200);
    }

    /** Its UP side is every search service test: readiness waits for it. */
    @Test
    void openSearchIsDownWhenNoNodeAnswers() throws Exception {
        HttpHost nowhere = new HttpHost("http", LoopbackPorts.HOST, LoopbackPorts.free());
        try (var transport = ApacheHttpClient5TransportBuilder.builder(nowhere).build()) {
            assertThat(new OpenSearchHealthIndicator(new OpenSearchClient(transport))
                            .health()
                            .getStatus()
                            .getCode())
                    .isEqualTo("DOWN");
        }
    }
}
