package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.platform.engines.RedisEngine;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A full Redis refuses writes and keeps every cart; its own small Redis, so that it can fill it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CartStoreFullIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static RedisEngine small;

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        small = TestEngines.separateRedis("full", 4L * 1024 * 1024);
        registry.add("spring.data.redis.url", small::address);
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
    }

    @Test
    void answers503WhenFullAndEvictsNoCustomersCart() {
        String soap = CartFixture.sku();
        new CartFixture(polyshopEventTemplate, envelopes, redis).onSale(CartFixture.product(soap, "2.50"));
        String customerId = "customer-" + UUID.randomUUID();
        ApiClient customer = new ApiClient(port).as(TOKENS.valid(customerId, "CUSTOMER"));
        String cart = "/api/v1/customers/" + customerId + "/cart";
        assertThat(customer.post(cart + "/lines", Map.of("sku", soap, "quantity", 2))
                        .status())
                .isEqualTo(200);

        Properties memory =
                redis.execute(connection -> connection.serverCommands().getConfig("maxmemory-policy"), true);
        assertThat(memory.getProperty("maxmemory-policy")).isEqualTo("noeviction");
        String value = "x".repeat(1024);
        for (int filler = 0; filler < 2_000; filler++) {
            redis.opsForValue().set("filler:" + filler, value);
        }
        // Below what it holds now, so that Redis stays full whatever it frees by itself meanwhile.
        redis.execute(
                connection -> {
                    connection.serverCommands().setConfig("maxmemory", "1mb");
                    return null;
                },
                true);
        assertThatThrownBy(() -> redis.opsForValue().set("one-more", value)).hasStackTraceContaining("OOM");

        Response refused = customer.post(cart + "/lines", Map.of("sku", soap, "quantity", 3));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(customer.get(cart).json().get("lines").get(0).get("quantity").asInt())
                .as("the cart is still there, unchanged")
                .isEqualTo(2);
    }
}
