package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.application.LowStockWatch;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the inventory ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class InventoryTestSupport {

    static final String REPLIES = "inventory-it.replies";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    // Shared by every IT of the JVM that extends this, so left open: a daemon thread, it ends with the JVM.
    static final TopicRecorder replies = TopicRecorder.start(REPLIES);

    static final TopicRecorder events = TopicRecorder.start(InventoryMessages.EVENTS);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @Autowired
    LowStockWatch lowStock;

    InventoryFixture inventory;
    ApiClient admin;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        InventoryFixture.engines(registry);
        registry.add("polyshop.inventory.low-stock-threshold", () -> "10");
    }

    @BeforeEach
    void clients() {
        inventory = new InventoryFixture(port);
        admin = inventory.admin();
    }

    void command(String type, String key, Object payload) {
        InventoryFixture.command(polyshopEventTemplate, envelopes, type, key, payload);
    }

    static void assertRejected(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").toString()).contains("\"" + field + "\"");
        }
    }
}
