package io.polyshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One client address is limited however many users it presents (own context: it exhausts 127.0.0.1). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "polyshop.gateway.per-client.replenish-rate=1",
            "polyshop.gateway.per-client.burst-capacity=4",
            "polyshop.gateway.per-user.replenish-rate=1000",
            "polyshop.gateway.per-user.burst-capacity=1000"
        })
class ClientRateLimitIT {

    private static final EchoBackend BACKEND = new EchoBackend();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        BACKEND.registerAsRoute(registry);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Test
    void limitsOneClientAddressAcrossManyUsers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int limited = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 12; i++) {
            String token = TestTokens.shared().valid("user-" + UUID.randomUUID(), "CUSTOMER");
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/echo/orders"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                limited++;
                refused = response;
            }
        }

        assertThat(limited).isGreaterThan(0);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("https://polyshop.io/problems/too-many-requests");
    }
}
