package io.polyshop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.platform.security.sample.SecuredSampleApplication;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.web.Problems;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = SecuredSampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @org.springframework.beans.factory.annotation.Autowired
    TokenRevocations revocations;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void acceptsAValidTokenAndTakesTheCallerFromItsSubjectAndRoles() throws Exception {
        var response = get("/api/v1/me", TOKENS.valid("customer-1", "CUSTOMER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"customer-1\"").contains("CUSTOMER");
    }

    @Test
    void refusesRequestsWithoutATokenWith401() throws Exception {
        var response = get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains(Problems.UNAUTHORIZED.toString());
    }

    @Test
    void refusesExpiredTamperedWrongKeyAndUnsignedTokensAlikeWith401() throws Exception {
        for (String token : new String[] {
            TOKENS.expired("customer-1", "CUSTOMER"),
            TOKENS.tampered("customer-1", "CUSTOMER", "ADMIN"),
            TOKENS.signedWithWrongKey("customer-1", "CUSTOMER"),
            TOKENS.unsigned("customer-1", "ADMIN")
        }) {
            var response = get("/api/v1/me", token);

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body())
                    .contains("A valid bearer token is required.")
                    .doesNotContainIgnoringCase("expired")
                    .doesNotContainIgnoringCase("signature");
        }
    }

    @Test
    void refusesACustomerOnABackOfficeResourceWith403() throws Exception {
        var customer = get("/api/v1/admin/reports", TOKENS.valid("customer-1", "CUSTOMER"));
        var escalated = get("/api/v1/admin/reports", TOKENS.tampered("customer-1", "ADMIN"));
        var support = get("/api/v1/admin/reports", TOKENS.valid("support-1", "SUPPORT"));
        var admin = get("/api/v1/admin/reports", TOKENS.valid("admin-1", "ADMIN"));

        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.body()).contains(Problems.FORBIDDEN.toString());
        assertThat(escalated.statusCode()).isEqualTo(401);
        assertThat(support.statusCode()).isEqualTo(200);
        assertThat(admin.statusCode()).isEqualTo(200);
    }

    @Test
    void decidesAuthorizationBeforeReadingTheBody() throws Exception {
        String invalid = "{\"headline\":\"\"}";

        var customer = send("POST", "/api/v1/admin/reports", TOKENS.valid("customer-1", "CUSTOMER"), invalid);
        var support = send("POST", "/api/v1/admin/reports", TOKENS.valid("support-1", "SUPPORT"), invalid);
        var admin = send("POST", "/api/v1/admin/reports", TOKENS.valid("admin-1", "ADMIN"), invalid);

        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.body()).doesNotContain("headline");
        assertThat(support.statusCode()).as("a read-only role writing").isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(admin.body()).contains("headline");
    }

    @Test
    void takesPermissionsFromTheTokenNotFromTheRoleName() throws Exception {
        var me = get("/api/v1/me", TOKENS.valid("support-1", "SUPPORT"));

        assertThat(me.body()).contains("ORDER_READ_ANY").doesNotContain("ORDER_WRITE_ANY");
    }

    @Test
    void keepsTheOperatorsEndpointsForAdminsOnTheManagementPort() throws Exception {
        var anonymous = get(managementPort, "/actuator/info", null);
        var customer = get(managementPort, "/actuator/info", TOKENS.valid("customer-1", "CUSTOMER"));
        var support = get(managementPort, "/actuator/info", TOKENS.valid("support-1", "SUPPORT"));
        var admin = get(managementPort, "/actuator/info", TOKENS.valid("admin-1", "ADMIN"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.body()).contains(Problems.FORBIDDEN.toString());
        assertThat(support.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersOnlyProbesWithoutDetailsOnTheServicePort() throws Exception {
        var readiness = get("/readyz", null);
        var liveness = get("/livez", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        String admin = TOKENS.valid("admin-1", "ADMIN");
        for (String operatorPath : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            assertThat(get(operatorPath, admin).statusCode()).as(operatorPath).isEqualTo(404);
        }
        assertThat(get(managementPort, "/actuator/health", null).body()).contains("\"components\"");
    }

    @Test
    void listensForTheOperatorOnLoopbackOnly() throws Exception {
        HttpRequest elsewhere = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.2:" + managementPort + "/actuator/health"))
                .build();

        assertThatThrownBy(() -> http.send(elsewhere, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
        assertThat(get(managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void answersAnotherCustomersResourceWith404AsIfItDidNotExist() throws Exception {
        var owner = get("/api/v1/carts/customer-1", TOKENS.valid("customer-1", "CUSTOMER"));
        var stranger = get("/api/v1/carts/customer-1", TOKENS.valid("customer-2", "CUSTOMER"));
        var support = get("/api/v1/carts/customer-1", TOKENS.valid("support-1", "SUPPORT"));

        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains(Problems.NOT_FOUND.toString());
        assertThat(support.statusCode()).isEqualTo(200);
    }

    @Test
    void letsSupportSeeButNotChangeACustomersResource() throws Exception {
        var owner = send("PUT", "/api/v1/carts/customer-1", TOKENS.valid("customer-1", "CUSTOMER"), "{}");
        var stranger = send("PUT", "/api/v1/carts/customer-1", TOKENS.valid("customer-2", "CUSTOMER"), "{}");
        var support = send("PUT", "/api/v1/carts/customer-1", TOKENS.valid("support-1", "SUPPORT"), "{}");
        var admin = send("PUT", "/api/v1/carts/customer-1", TOKENS.valid("admin-1", "ADMIN"), "{}");

        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(support.statusCode()).isEqualTo(403);
        assertThat(support.body()).contains(Problems.FORBIDDEN.toString());
        assertThat(admin.statusCode()).isEqualTo(200);
    }

    @Test
    void letsDeclaredPublicEndpointsAndHealthProbesThroughWithoutAToken() throws Exception {
        assertThat(get("/api/v1/catalog/ping", null).statusCode()).isEqualTo(200);
        assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void publishesAnApiDocumentThatSaysWhatThePlatformDoesAroundTheControllers() throws Exception {
        JsonNode document =
                JsonMapper.builder().build().readTree(get("/v3/api-docs", null).body());

        assertThat(document.at("/info/title").asString()).isEqualTo("Polyshop security-sample API");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        JsonNode open = document.at("/paths/~1api~1v1~1catalog~1ping/get");
        JsonNode guarded = document.at("/paths/~1api~1v1~1me/get");
        assertThat(open.get("security")).isEmpty();
        assertThat(open.at("/responses/401").isMissingNode()).isTrue();
        assertThat(guarded.at("/security/0/bearer").isArray()).isTrue();
        assertThat(guarded.at("/responses/401/content").has("application/problem+json"))
                .isTrue();
        assertThat(guarded.at("/responses/200/content").has("application/json")).isTrue();
        assertThat(guarded.at("/responses/200/content").has("*/*")).isFalse();
        assertThat(document.at("/paths/~1api~1v1~1carts~1{customerId}/get/responses/404")
                        .isMissingNode())
                .isFalse();
    }

    @Test
    void refusesARevokedTokenOnTheNextRequest() throws Exception {
        String subject = "customer-" + java.util.UUID.randomUUID();
        String before = TOKENS.validOfVersion(subject, 0, "CUSTOMER");
        String after = TOKENS.validOfVersion(subject, 1, "CUSTOMER");
        assertThat(get("/api/v1/me", before).statusCode()).isEqualTo(200);

        revocations.revokeBefore(subject, 1, java.time.Duration.ofMinutes(1));

        assertThat(get("/api/v1/me", before).statusCode())
                .as("the same token, remembered as verified")
                .isEqualTo(401);
        assertThat(get("/api/v1/me", TOKENS.valid(subject, "CUSTOMER")).statusCode())
                .as("a token without a version is version 0")
                .isEqualTo(401);
        assertThat(get("/api/v1/me", after).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", TOKENS.valid("customer-2", "CUSTOMER")).statusCode())
                .as("other users are not affected")
                .isEqualTo(200);
    }

    @Test
    void refusesOversizedBodiesWith413EvenWithAValidToken() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notes"))
                        .header("Authorization", "Bearer " + TOKENS.valid("customer-1", "CUSTOMER"))
                        .header("content-type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(20_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(port, path, token);
    }

    private HttpResponse<String> get(int toPort, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
