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

/** Behind a load balancer (here: loopback, trusted), each forwarded client has its own limit. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "polyshop.gateway.trusted-proxies=127.0.0.1/32",
            "polyshop.gateway.per-client.replenish-rate=1",
            "polyshop.gateway.per-client.burst-capacity=3",
            "polyshop.gateway.per-user.replenish-rate=1000",
            "polyshop.gateway.per-user.burst-capacity=1000"
        })
class TrustedProxyIT {

    private static final EchoBackend BACKEND = new EchoBackend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        BACKEND.registerAsRoute(registry);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Test
    void limitsEachClientTheTrustedProxyNamesOnItsOwn() throws Exception {
        String busy = "203.0.113." + (1 + (int) (Math.random() * 100));
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            if (send(busy) == 429) {
                limited++;
            }
        }

        assertThat(limited).isGreaterThan(0);
        assertThat(send("198.51.100.7, 192.0.2." + (1 + (int) (Math.random() * 100))))
                .isEqualTo(200);
        assertThat(BACKEND.last().get("X-Forwarded-For")).startsWith("192.0.2.");
    }

    private int send(String forwardedFor) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/echo/orders"))
                                .header(
                                        "Authorization",
                                        "Bearer " + TestTokens.shared().valid("user-" + UUID.randomUUID(), "CUSTOMER"))
                                .header("X-Forwarded-For", forwardedFor)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
