package io.polyshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.PostgresDatabase;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation in every service's OpenAPI document, sent malformed input with a token that may
 * use it (an administrator's, which holds every permission): each answer must be a 4xx problem
 * detail whose status the document lists for that operation, never a 5xx, and the service's store
 * must hold what it held before. The summary goes to {@code target/fuzz-report.txt}.
 */
class ApiFuzzIT {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String ADMIN_EMAIL = "fuzz-admin@example.com";
    private static final String ADMIN_PASSWORD = "fuzzing every endpoint 42";

    private record Fuzzed(String name, ServiceJar jar, Supplier<Map<String, Long>> state) {}

    private static final Map<String, Fuzzed> SERVICES = new LinkedHashMap<>();
    private static SmtpEngine smtp;

    @BeforeAll
    static void startEveryService() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> shared = new HashMap<>(TestTokens.environment());
        shared.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestEngines.kafkaBootstrapServers());

        int catalogPort = LoopbackPorts.free();
        smtp = SmtpEngine.start(LoopbackPorts.free());
        List<CompletableFuture<Void>> starting = new ArrayList<>();

        String catalogMongo = TestEngines.mongoUri("catalog_fuzz");
        starting.add(start(
                "catalog",
                catalogPort,
                with(shared, "SPRING_MONGODB_URI", catalogMongo),
                StoreState.mongo(catalogMongo)));

        String index = "products-fuzz-" + run;
        Map<String, String> search = with(shared, "POLYSHOP_OPENSEARCH_URL", TestEngines.openSearchUrl());
        search.put("POLYSHOP_SEARCH_INDEX", index);
        search.put("POLYSHOP_SERVICE_CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        search.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "search-fuzz-" + run);
        starting.add(start(
                "search", LoopbackPorts.free(), search, StoreState.openSearch(TestEngines.openSearchUrl(), index)));

        String tablePrefix = "fuzz" + run + "_";
        Map<String, String> inventory = with(shared, "POLYSHOP_DYNAMODB_ENDPOINT", TestEngines.dynamoDbEndpoint());
        inventory.put("POLYSHOP_INVENTORY_TABLE_PREFIX", tablePrefix);
        inventory.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "inventory-fuzz-" + run);
        starting.add(start(
                "inventory",
                LoopbackPorts.free(),
                inventory,
                StoreState.dynamoDb(TestEngines.dynamoDbEndpoint(), tablePrefix)));

        Map<String, String> cart = with(shared, "SPRING_DATA_REDIS_URL", TestEngines.redisUri());
        cart.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "cart-fuzz-" + run);
        starting.add(start(
                "cart",
                LoopbackPorts.free(),
                cart,
                StoreState.redisKeys(TestEngines.redisUri(), "cart:{c:" + FuzzCases.CUSTOMER + "}*")));

        for (String name : List.of("order", "payment")) {
            PostgresDatabase database = TestEngines.freshPostgresDatabase(name + "_fuzz");
            Map<String, String> environment = database(shared, database);
            environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", name + "-fuzz-" + run);
            starting.add(start(name, LoopbackPorts.free(), environment, StoreState.postgres(database)));
        }

        String notificationMongo = TestEngines.mongoUri("notification_fuzz");
        Map<String, String> notification = with(shared, "SPRING_MONGODB_URI", notificationMongo);
        notification.put("SPRING_MAIL_HOST", LoopbackPorts.HOST);
        notification.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
        notification.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "notification-fuzz-" + run);
        starting.add(start("notification", LoopbackPorts.free(), notification, StoreState.mongo(notificationMongo)));

        // Identity issues its own tokens: it runs with its own keys, and an administrator to sign in as.
        PostgresDatabase identityDatabase = TestEngines.freshPostgresDatabase("identity_fuzz");
        Map<String, String> identity = database(new HashMap<>(), identityDatabase);
        identity.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestEngines.kafkaBootstrapServers());
        identity.put("POLYSHOP_SECURITY_REVOCATIONS_URL", TestEngines.redisUri());
        identity.put("POLYSHOP_IDENTITY_SIGNING_KEY_SECRET", UUID.randomUUID().toString());
        identity.put("POLYSHOP_IDENTITY_DEMOUSERS_0_EMAIL", ADMIN_EMAIL);
        identity.put("POLYSHOP_IDENTITY_DEMOUSERS_0_PASSWORD", ADMIN_PASSWORD);
        identity.put("POLYSHOP_IDENTITY_DEMOUSERS_0_DISPLAYNAME", "Fuzz Admin");
        identity.put("POLYSHOP_IDENTITY_DEMOUSERS_0_ROLES_0", "ADMIN");
        starting.add(start("identity", LoopbackPorts.free(), identity, StoreState.postgres(identityDatabase)));

        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    static void stopEveryService() {
        synchronized (SERVICES) {
            SERVICES.values().forEach(service -> service.jar().close());
        }
        smtp.close();
    }

    @Test
    void everyOperationRefusesMalformedInputWithADocumentedProblemAndKeepsNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        int operations = 0;
        int cases = 0;
        List<String> withoutInput = new ArrayList<>();
        for (Fuzzed service : SERVICES.values()) {
            ApiClient client = new ApiClient(service.jar().port()).as(adminTokenFor(service));
            JsonNode document = client.get("/v3/api-docs").json();
            FuzzCases generator = new FuzzCases(document);
            Map<String, Long> before = quiet(service.state());
            int serviceOperations = 0;
            int serviceCases = 0;
            for (var path : document.path("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    if (!FuzzCases.METHODS.contains(operation.getKey())) {
                        continue;
                    }
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    List<FuzzCases.Case> generated =
                            generator.of(path.getKey(), operation.getKey(), operation.getValue());
                    if (generated.isEmpty()) {
                        withoutInput.add(service.name() + ": " + name);
                        continue;
                    }
                    serviceOperations++;
                    for (FuzzCases.Case fuzz : generated) {
                        serviceCases++;
                        String verdict =
                                verdict(client, fuzz, operation.getValue().path("responses"));
                        if (verdict != null) {
                            failures.add(service.name() + ": " + name + " [" + fuzz.label() + "] " + verdict);
                        }
                    }
                }
            }
            Map<String, Long> after = quiet(service.state());
            if (!after.equals(before)) {
                failures.add(service.name() + ": its store changed: before " + before + ", after " + after);
            }
            report.add(String.format(
                    "%-13s %3d operations × cases = %5d", service.name(), serviceOperations, serviceCases));
            operations += serviceOperations;
            cases += serviceCases;
        }
        report.add(String.format(
                "%-13s %3d operations, %5d cases, %d failures", "total", operations, cases, failures.size()));
        report.add("operations that take no input, not fuzzed: " + withoutInput);
        failures.stream().limit(200).forEach(failure -> report.add("FAILED " + failure));
        writeReport(report);
        report.forEach(System.out::println);

        assertThat(operations).as("operations fuzzed").isGreaterThan(40);
        assertThat(failures)
                .as("answers to malformed input that broke the rules")
                .isEmpty();
    }

    /** Null when the answer is right; otherwise what is wrong with it. */
    private static String verdict(ApiClient client, FuzzCases.Case fuzz, JsonNode documented) {
        ApiClient caller = client;
        for (Map.Entry<String, String> header : fuzz.headers().entrySet()) {
            caller = caller.with(header.getKey(), header.getValue());
        }
        ApiClient.Response answer;
        try {
            answer = caller.send(fuzz.method(), fuzz.path(), fuzz.body(), fuzz.contentType());
        } catch (IllegalArgumentException unsendable) {
            return null; // the HTTP client itself refuses such a request (an illegal header value)
        }
        int status = answer.status();
        if (status >= 500) {
            return "answered " + status + ": " + shortened(answer.body());
        }
        if (status < 400) {
            return fuzz.mustRefuse() ? "accepted it with " + status : null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "answered " + status + " as " + type + ", not a problem: " + shortened(answer.body());
        }
        if (!documented.has(Integer.toString(status))) {
            return "answered " + status + ", which the document does not list";
        }
        return null;
    }

    /** The store's reading once it stopped changing: what started with the service has settled. */
    private static Map<String, Long> quiet(Supplier<Map<String, Long>> state) throws InterruptedException {
        Map<String, Long> last = state.get();
        for (int reading = 0; reading < 30; reading++) {
            Thread.sleep(QUIET.toMillis());
            Map<String, Long> now = state.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException("the store never settled: " + last);
    }

    private static String adminTokenFor(Fuzzed service) {
        if (!service.name().equals("identity")) {
            return TestTokens.shared().valid("fuzz-admin", "ADMIN");
        }
        ApiClient.Response login = new ApiClient(service.jar().port())
                .post("/api/v1/identity/tokens", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    private static CompletableFuture<Void> start(
            String name, int port, Map<String, String> environment, Supplier<Map<String, Long>> state) {
        return CompletableFuture.runAsync(() -> {
            ServiceJar jar = ServiceJar.start(name, port, environment);
            synchronized (SERVICES) {
                SERVICES.put(name, new Fuzzed(name, jar, state));
            }
        });
    }

    private static Map<String, String> with(Map<String, String> shared, String name, String value) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put(name, value);
        return environment;
    }

    private static Map<String, String> database(Map<String, String> shared, PostgresDatabase database) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        return environment;
    }

    private static String shortened(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
    }

    private static void writeReport(List<String> lines) {
        try {
            Files.write(Files.createDirectories(Path.of("target")).resolve("fuzz-report.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
