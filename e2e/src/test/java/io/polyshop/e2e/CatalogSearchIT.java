package io.polyshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TestWords;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Catalog and search as separate processes joined only by Kafka, exactly as they run in the platform. */
class CatalogSearchIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static ServiceJar catalogService;
    private static ServiceJar searchService;
    private static ApiClient admin;
    private static ApiClient search;

    @BeforeAll
    static void startServices() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> shared = new java.util.HashMap<>(TestTokens.environment());
        shared.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestEngines.kafkaBootstrapServers());
        int catalogPort = LoopbackPorts.free();
        Map<String, String> catalog = new LinkedHashMap<>(shared);
        catalog.put("SPRING_MONGODB_URI", TestEngines.mongoUri("catalog_e2e"));
        Map<String, String> searchEnvironment = new LinkedHashMap<>(shared);
        searchEnvironment.put("POLYSHOP_OPENSEARCH_URL", TestEngines.openSearchUrl());
        searchEnvironment.put("POLYSHOP_SEARCH_INDEX", "products-e2e-" + suffix);
        searchEnvironment.put("POLYSHOP_SERVICE_CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        searchEnvironment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "search-e2e-" + suffix);

        CompletableFuture<ServiceJar> catalogStart =
                CompletableFuture.supplyAsync(() -> ServiceJar.start("catalog", catalogPort, catalog));
        searchService = ServiceJar.start("search", LoopbackPorts.free(), searchEnvironment);
        catalogService = catalogStart.join();

        admin = new ApiClient(catalogService.port()).as(TestTokens.shared().valid("editor-e2e", "ADMIN"));
        search = new ApiClient(searchService.port());
        assertThat(admin.put("/api/v1/admin/categories/computers", Map.of("name", "Computers"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.put(
                                "/api/v1/admin/categories/laptops",
                                Map.of(
                                        "name",
                                        "Laptops",
                                        "parentId",
                                        "computers",
                                        "attributes",
                                        List.of(Map.of("name", "ramGb", "type", "INTEGER", "required", true))))
                        .status())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/admin/brands/acme", Map.of("name", "Acme"))
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stopServices() {
        if (searchService != null) {
            searchService.close();
        }
        if (catalogService != null) {
            catalogService.close();
        }
    }

    private static Map<String, Object> laptop(String name, String price) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "E2E-" + unique.toUpperCase());
        product.put("slug", "e2e-" + unique);
        product.put("name", name);
        product.put("description", "A laptop for the end-to-end tests.");
        product.put("brandId", "acme");
        product.put("categoryId", "laptops");
        product.put("price", Map.of("amount", new BigDecimal(price), "currency", "EUR"));
        product.put("attributes", Map.of("ramGb", 16));
        return product;
    }

    private static JsonNode published(Map<String, Object> product) {
        Response created = admin.post("/api/v1/admin/products", product);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response published =
                admin.post("/api/v1/admin/products/" + created.json().get("id").asString() + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private static List<JsonNode> hits(String query) {
        Response response = search.get("/api/v1/search/products?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("hits").valueStream().toList();
    }

    @Test
    void aPublishedProductBecomesFindableFollowsItsUpdatesAndDisappearsWhenArchived() {
        String word = TestWords.unique("quasar");
        Map<String, Object> laptop = laptop("Quasar " + word, "1299.00");
        JsonNode product = published(laptop);
        String id = product.get("id").asString();

        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(hits("q=" + word))
                        .extracting(hit -> hit.get("productId").asString())
                        .containsExactly(id));

        laptop.put("price", Map.of("amount", new BigDecimal("999.00"), "currency", "EUR"));
        Response revised = admin.with("If-Match", "\"" + product.get("version").asLong() + "\"")
                .put("/api/v1/admin/products/" + id, laptop);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(hits("q=" + word + "&maxPrice=1000"))
                        .extracting(hit -> hit.get("price").decimalValue())
                        .containsExactly(new BigDecimal("999.0")));

        assertThat(admin.post("/api/v1/admin/products/" + id + "/archive", null).status())
                .isEqualTo(200);
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(hits("q=" + word)).isEmpty());
    }

    @Test
    void reindexRebuildsTheIndexFromTheCatalogWhileSearchesKeepAnswering() throws Exception {
        String word = TestWords.unique("nebula");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(published(laptop("Nebula " + word + " " + i, "5" + i + "0.00"))
                    .get("id")
                    .asString());
        }
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(search.get("/api/v1/search/products?size=1&q=" + word)
                                .json()
                                .get("totalHits")
                                .asLong())
                        .isEqualTo(30));

        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> shoppers = CompletableFuture.runAsync(() -> {
            while (reindexing.get()) {
                Response response = search.get("/api/v1/search/products?size=1&q=" + word);
                searches.incrementAndGet();
                if (response.status() != 200 || response.json().get("totalHits").asLong() != 30) {
                    failures.add(response.toString());
                }
            }
        });
        Response report = new ApiClient(searchService.port())
                .as(TestTokens.shared().valid("editor-e2e", "ADMIN"))
                .post("/api/v1/admin/search/reindex", null);
        reindexing.set(false);
        shoppers.join();

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("products").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(report.json().get("index").asString())
                .isNotEqualTo(report.json().get("previousIndex").asString());
        assertThat(searches.get()).isPositive();
        assertThat(failures).as("searches during the rebuild").isEmpty();
        assertThat(hits("size=100&q=" + word))
                .extracting(hit -> hit.get("productId").asString())
                .containsExactlyInAnyOrderElementsOf(ids);
        Response customer = new ApiClient(searchService.port())
                .as(TestTokens.shared().valid("shopper-e2e", "CUSTOMER"))
                .post("/api/v1/admin/search/reindex", null);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(search.post("/api/v1/admin/search/reindex", null).status()).isEqualTo(401);
    }
}
