package io.polyshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayIT {

    private static final EchoBackend BACKEND = new EchoBackend();
    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

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
    void routesAnAuthenticatedRequestAndForwardsTheTokenAndTraceContext() throws Exception {
        String token = TOKENS.valid(newUser(), "CUSTOMER");

        var response = send(
                "GET",
                "/api/v1/echo/orders",
                Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BACKEND.last().get(":path")).isEqualTo("/api/v1/echo/orders");
        assertThat(BACKEND.last().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(BACKEND.last().get("traceparent")).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void refusesMissingExpiredTamperedWrongKeyAndUnsignedTokensWith401() throws Exception {
        String user = newUser();
        int before = BACKEND.received.size();
        for (String authorization : new String[] {
            null,
            "Bearer " + TOKENS.expired(user, "CUSTOMER"),
            "Bearer " + TOKENS.tampered(user, "ADMIN"),
            "Bearer " + TOKENS.signedWithWrongKey(user, "ADMIN"),
            "Bearer " + TOKENS.unsigned(user, "ADMIN")
        }) {
            var response = send(
                    "GET",
                    "/api/v1/echo/orders",
                    authorization == null ? Map.of() : Map.of("Authorization", authorization));

            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.body()).contains("https://polyshop.io/problems/unauthorized");
        }
        assertThat(BACKEND.received.size()).as("nothing reached the service").isEqualTo(before);
    }

    @Test
    void letsDeclaredPublicEndpointsThroughWithoutAToken() throws Exception {
        assertThat(send("GET", "/api/v1/echo/public/products", Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void stripsInboundInternalHeaders() throws Exception {
        send(
                "GET",
                "/api/v1/echo/orders",
                Map.of(
                        "Authorization", "Bearer " + TOKENS.valid(newUser(), "CUSTOMER"),
                        "X-Internal-User", "admin",
                        "X-Polyshop-Roles", "ADMIN"));

        assertThat(BACKEND.last()).doesNotContainKeys("X-Internal-User", "X-Polyshop-Roles");
    }

    @Test
    void tellsTheServiceWhoTheClientIsAndIgnoresAnAddressTheClientMadeUp() throws Exception {
        send(
                "GET",
                "/api/v1/echo/orders",
                Map.of(
                        "Authorization",
                        "Bearer " + TOKENS.valid(newUser(), "CUSTOMER"),
                        "X-Forwarded-For",
                        "203.0.113.9"));

        assertThat(BACKEND.last().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesOversizedBodiesWith413BeforeForwarding() throws Exception {
        int before = BACKEND.received.size();

        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/echo/notes"))
                        .header("Authorization", "Bearer " + TOKENS.valid(newUser(), "CUSTOMER"))
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(20_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(BACKEND.received.size()).isEqualTo(before);
    }

    @Test
    void rateLimitsEachUserSeparately() throws Exception {
        String busy = TOKENS.valid(newUser(), "CUSTOMER");
        String other = TOKENS.valid(newUser(), "CUSTOMER");

        int limited = 0;
        for (int i = 0; i < 10; i++) {
            if (send("GET", "/api/v1/echo/orders", Map.of("Authorization", "Bearer " + busy))
                            .statusCode()
                    == 429) {
                limited++;
            }
        }

        assertThat(limited).isGreaterThan(0);
        assertThat(send("GET", "/api/v1/echo/orders", Map.of("Authorization", "Bearer " + other))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersCorsPreflightsForAllowedOriginsOnly() throws Exception {
        var allowed = send(
                "OPTIONS",
                "/api/v1/echo/orders",
                Map.of("Origin", "https://shop.example", "Access-Control-Request-Method", "POST"));
        var foreign = send(
                "OPTIONS",
                "/api/v1/echo/orders",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void servesEachServicesOpenApiDocumentAndOneSwaggerUiWithoutAToken() throws Exception {
        var document = send("GET", "/api-docs/echo", Map.of());
        var swaggerConfig = send("GET", "/v3/api-docs/swagger-config", Map.of());
        var swaggerUi = send("GET", "/swagger-ui/index.html", Map.of());

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(BACKEND.last().get(":path")).isEqualTo("/v3/api-docs");
        assertThat(swaggerConfig.body()).contains("/api-docs/echo");
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
    }

    @Test
    void answersProbesOnItsPortAndKeepsMetricsAndTheRestOfTheActuatorOnTheManagementPort() throws Exception {
        String admin = "Bearer " + TOKENS.valid(newUser(), "ADMIN");

        assertThat(send("GET", "/readyz", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/livez", Map.of()).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(send("GET", "/actuator/prometheus", Map.of("Authorization", admin))
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(managementPort, "GET", "/actuator/prometheus", Map.of()).body())
                .contains("jvm_memory_used_bytes");
        assertThat(send(managementPort, "GET", "/actuator/info", Map.of("Authorization", admin))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void answersAPathNoServiceTakesWithAProblem() throws Exception {
        var response = send(
                "GET", "/api/v1/nowhere", Map.of("Authorization", "Bearer " + TOKENS.valid(newUser(), "CUSTOMER")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("https://polyshop.io/problems/not-found")
                .contains("\"instance\":\"/api/v1/nowhere\"");
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        return send(port, method, path, headers);
    }

    private HttpResponse<String> send(int toPort, String method, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
