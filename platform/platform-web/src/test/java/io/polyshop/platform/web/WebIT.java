package io.polyshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.engines.PostgresEngine;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.web.sample.WebSampleApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = WebSampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebIT {

    private static final String VALID = "{\"name\":\"Desk lamp\",\"price\":\"19.99\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "web");
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() throws Exception {
        long before = items();

        var response = post("/api/v1/items", "{\"name\":\"\",\"price\":\"-1\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asString()).isEqualTo(Problems.VALIDATION.toString());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "price");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void refusesControlAndBidirectionalCharactersInBodiesAndQueriesAndStoresNothing() throws Exception {
        long before = items();

        var nul = post("/api/v1/items", "{\"name\":\"lamp\\u0000\",\"price\":\"3.00\"}", Map.of());
        var override = post("/api/v1/items", "{\"name\":\"\\u202epmal\",\"price\":\"3.00\"}", Map.of());
        var query = get("/api/v1/items/1b4e28ba-2fa1-11d2-883f-0016d3cca427?view=%00");

        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(problem(nul).get("errors").findValuesAsString("field")).containsExactly("name");
        assertThat(override.statusCode()).as(override.body()).isEqualTo(400);
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(problem(query).get("detail").asString()).contains("view");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void answersWhatTomcatRefusesWithAProblemToo() throws Exception {
        var encodedNul = get("/api/v1/items/%00");

        assertThat(encodedNul.statusCode()).isEqualTo(400);
        assertThat(problem(encodedNul).get("type").asString()).isEqualTo(Problems.MALFORMED_REQUEST.toString());
    }

    @Test
    void answersMalformedJsonWithoutParserInternals() throws Exception {
        var response = post("/api/v1/items", "{\"name\": \"lamp\", \"price\": ", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).get("type").asString()).isEqualTo(Problems.MALFORMED_REQUEST.toString());
        assertThat(response.body())
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("Exception")
                .doesNotContain("at [Source");
    }

    @Test
    void answersUnknownIdsAndUnknownPathsWith404() throws Exception {
        var unknownId = get("/api/v1/items/1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        var unknownPath = get("/api/v1/nothing-here");

        assertThat(unknownId.statusCode()).isEqualTo(404);
        assertThat(problem(unknownId).get("type").asString()).isEqualTo(Problems.NOT_FOUND.toString());
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(problem(unknownPath).get("type").asString()).isEqualTo(Problems.NOT_FOUND.toString());
    }

    @Test
    void answersConflictsWith409() throws Exception {
        var response = post("/api/v1/items/1b4e28ba-2fa1-11d2-883f-0016d3cca427/archive", "", Map.of());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(problem(response).get("detail").asString()).contains("already archived");
    }

    @Test
    void refusesOversizedBodiesWith413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(20_000) + "\",\"price\":\"1\"}";
        long before = items();

        var response = post("/api/v1/items", huge, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response).get("type").asString()).isEqualTo(Problems.PAYLOAD_TOO_LARGE.toString());
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void hidesUnexpectedErrorsBehindAGenericProblem() throws Exception {
        var response = get("/api/v1/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(problem(response).get("type").asString()).isEqualTo(Problems.INTERNAL_ERROR.toString());
        assertThat(response.body())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("io.polyshop")
                .doesNotContain("\tat ");
    }

    @Test
    void tagsEveryResponseAndLogLineWithTheRequestId(CapturedOutput output) throws Exception {
        var generated = post("/api/v1/items", VALID, Map.of());
        var echoed = post("/api/v1/items", VALID, Map.of(RequestIds.HEADER, "client-chosen-42"));
        var refused = get("/api/v1/boom");

        String generatedId = generated.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(generatedId).isNotBlank();
        assertThat(echoed.headers().firstValue(RequestIds.HEADER)).contains("client-chosen-42");
        assertThat(problem(refused).get("requestId").asString())
                .isEqualTo(refused.headers().firstValue(RequestIds.HEADER).orElseThrow());
        assertThat(output.getAll()).containsPattern("client-chosen-42.*created item|created item.*client-chosen-42");
    }

    @Test
    void replaysTheFirstResponseForARepeatedIdempotencyKey() throws Exception {
        long before = items();
        Map<String, String> key = Map.of(IdempotencyKeys.HEADER, "create-lamp-" + System.nanoTime());

        var first = post("/api/v1/items", VALID, key);
        var repeat = post("/api/v1/items", VALID, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue(IdempotencyKeys.REPLAYED)).contains("true");
        assertThat(items()).isEqualTo(before + 1);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentRequestWith422() throws Exception {
        Map<String, String> key = Map.of(IdempotencyKeys.HEADER, "reused-" + System.nanoTime());
        post("/api/v1/items", VALID, key);
        long before = items();

        var different = post("/api/v1/items", "{\"name\":\"Chair\",\"price\":\"49.00\"}", key);

        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(problem(different).get("type").asString()).isEqualTo(Problems.IDEMPOTENCY_KEY_REUSED.toString());
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aRequestThatDiesAfterItsEffectLeavesTheKeyFreeAndTheRetryHasTheOnlyEffect() throws Exception {
        long before = items();
        Map<String, String> key = Map.of(IdempotencyKeys.HEADER, "dying-" + System.nanoTime());
        post("/api/v1/items/dying/armed", "{}", Map.of());

        var died = post("/api/v1/items/dying", VALID, key);
        var retried = post("/api/v1/items/dying", VALID, key);
        var repeated = post("/api/v1/items/dying", VALID, key);

        assertThat(died.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(repeated.statusCode()).isEqualTo(201);
        assertThat(repeated.headers().firstValue(IdempotencyKeys.REPLAYED)).contains("true");
        assertThat(items())
                .as("the effect of the request that died was undone with it")
                .isEqualTo(before + 1);
    }

    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        long before = items();
        Map<String, String> key = Map.of(IdempotencyKeys.HEADER, "racing-" + System.nanoTime());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racing = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    try {
                        return post("/api/v1/items", VALID, key).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        start.countDown();

        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(201, 409).contains(201);
        assertThat(items()).isEqualTo(before + 1);
    }

    @Test
    void answers503WithRetryAfterWhileTheStoreIsAwayAndStoresNothing() throws Exception {
        var created = post("/api/v1/items", VALID, Map.of());
        String id = json.readTree(created.body()).get("id").asString();
        PostgresEngine postgres = TestEngines.embeddedPostgres();
        postgres.close();
        HttpResponse<String> read;
        HttpResponse<String> keyed;
        try {
            read = get("/api/v1/items/" + id);
            keyed = post("/api/v1/items", VALID, Map.of(IdempotencyKeys.HEADER, "while-away-" + System.nanoTime()));
        } finally {
            postgres.start();
        }

        for (HttpResponse<String> unavailable : List.of(read, keyed)) {
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
            assertThat(problem(unavailable).get("type").asString()).isEqualTo(Problems.SERVICE_UNAVAILABLE.toString());
            assertThat(unavailable.body()).doesNotContain("Connection").doesNotContain("jdbc");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long items() {
        return jdbc.sql("select count(*) from sample_item").query(Long.class).single();
    }

    private JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
