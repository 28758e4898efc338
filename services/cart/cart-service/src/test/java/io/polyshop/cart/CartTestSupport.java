package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What the cart ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class CartTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @Autowired
    StringRedisTemplate redis;

    CartFixture catalog;
    ApiClient anonymous;
    String customerId;
    ApiClient customer;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestEngines::redisUri);
        SpringEngineProperties.kafka(registry);
        registry.add("polyshop.cart.max-lines", () -> "30");
        registry.add("polyshop.cart.anonymous-carts-per-client", () -> "5");
        TestTokens.register(registry);
    }

    @BeforeEach
    void clients() {
        catalog = new CartFixture(polyshopEventTemplate, envelopes, redis);
        anonymous = new ApiClient(port);
        customerId = "customer-" + UUID.randomUUID();
        customer = anonymous.as(TOKENS.valid(customerId, "CUSTOMER"));
    }

    String myCart() {
        return "/api/v1/customers/" + customerId + "/cart";
    }

    static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    Response add(ApiClient client, String cart, String sku, int quantity) {
        return client.post(cart + "/lines", Map.of("sku", sku, "quantity", quantity));
    }

    static JsonNode line(JsonNode cart, String sku) {
        return StreamSupport.stream(cart.get("lines").spliterator(), false)
                .filter(line -> line.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + sku + " in " + cart));
    }

    static void assertProblem(Response response, int status, String field, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").toString())
                    .as(response.toString())
                    .contains("\"" + field);
        }
        if (reason != null) {
            assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        }
    }
}
