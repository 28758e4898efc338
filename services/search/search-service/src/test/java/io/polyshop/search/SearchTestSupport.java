package io.polyshop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TestWords;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What the search ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class SearchTestSupport {

    /** This class's own alias, so that its searches and the cache counts are its own. */
    static final String INDEX = "products-it-" + UUID.randomUUID().toString().substring(0, 8);

    /** Words no other test's products contain, so that each test counts only its own hits. */
    final String marker = TestWords.unique("zq");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("polyshopEventTemplate")
    KafkaTemplate<String, Object> kafka;

    @Autowired
    EventEnvelopes envelopes;

    ApiClient search;
    CatalogEventsFixture catalog;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
        registry.add("polyshop.search.opensearch-url", TestEngines::openSearchUrl);
        registry.add("polyshop.search.index", () -> INDEX);
    }

    @BeforeEach
    void clients() {
        search = new ApiClient(port);
        catalog = new CatalogEventsFixture(kafka, envelopes);
    }

    JsonNode find(String query) {
        Response response = search.get("/api/v1/search/products?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    List<String> names(String query) {
        return hitNames(find(query));
    }

    static List<String> hitNames(JsonNode results) {
        return results.get("hits")
                .valueStream()
                .map(hit -> hit.get("name").asString())
                .toList();
    }

    ProductSnapshot laptop(String name, String brand, String price, int ramGb) {
        return CatalogEventsFixture.product(
                UUID.randomUUID(),
                1,
                name + " " + marker,
                brand,
                "laptops",
                price,
                Map.of("ramGb", ramGb, "touchscreen", false));
    }

    /** An ultrabook and a workstation, both findable; answers the ultrabook. */
    ProductSnapshot publishTwoLaptops() {
        ProductSnapshot aero = laptop("Aero Ultrabook", "Acme", "999.90", 16);
        catalog.published(aero);
        catalog.published(laptop("Granite Workstation", "Globex", "1899.00", 64));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=" + marker)).hasSize(2));
        return aero;
    }

    long requestCacheHits() {
        Response stats = ApiClient.at(TestEngines.openSearchUrl()).get("/" + INDEX + "/_stats/request_cache");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        return stats.json().at("/_all/total/request_cache/hit_count").asLong();
    }

    void assertRefused(String query, String field) {
        Response response = search.get("/api/v1/search/products?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }
}
