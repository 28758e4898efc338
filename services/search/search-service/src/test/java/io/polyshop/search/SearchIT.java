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
import org.junit.jupiter.api.Test;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class SearchIT {

    /** This class's own alias, so that its searches and the cache counts are its own. */
    private static final String INDEX =
            "products-it-" + UUID.randomUUID().toString().substring(0, 8);

    /** Words no other test's products contain, so that each test counts only its own hits. */
    private final String marker = TestWords.unique("zq");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("polyshopEventTemplate")
    KafkaTemplate<String, Object> kafka;

    @Autowired
    EventEnvelopes envelopes;

    private ApiClient search;
    private CatalogEventsFixture catalog;

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

    private JsonNode find(String query) {
        Response response = search.get("/api/v1/search/products?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> names(String query) {
        return hitNames(find(query));
    }

    private static List<String> hitNames(JsonNode results) {
        return results.get("hits")
                .valueStream()
                .map(hit -> hit.get("name").asString())
                .toList();
    }

    private ProductSnapshot laptop(String name, String brand, String price, int ramGb) {
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
    private ProductSnapshot publishTwoLaptops() {
        ProductSnapshot aero = laptop("Aero Ultrabook", "Acme", "999.90", 16);
        catalog.published(aero);
        catalog.published(laptop("Granite Workstation", "Globex", "1899.00", 64));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=" + marker)).hasSize(2));
        return aero;
    }

    @Test
    void documentsOnlyTheParametersASearchTakes() {
        var parameters = search.get("/v3/api-docs").json().at("/paths/~1api~1v1~1search~1products/get/parameters");

        assertThat(parameters.findValuesAsString("name"))
                .contains("q", "brand", "sort")
                .doesNotContain("parameters");
        assertThat(parameters.findValues("required")).noneMatch(required -> required.asBoolean());
    }

    @Test
    void findsPublishedProductsDespiteTyposAndHighlightsTheMatch() {
        ProductSnapshot aero = publishTwoLaptops();

        JsonNode typo = find("q=" + encode("ultrabok " + marker));
        assertThat(hitNames(typo)).containsExactly(aero.name());
        assertThat(typo.get("hits").get(0).get("highlights").get("name").get(0).asString())
                .contains("<em>Ultrabook</em>");
        assertThat(typo.get("hits").get(0).get("price").decimalValue()).isEqualByComparingTo("999.90");
    }

    @Test
    void forgivesOneTypoFromFourLettersAndTwoFromEight() {
        ProductSnapshot aero = publishTwoLaptops();

        assertThat(names("q=" + encode("aeor " + marker))).containsExactly(aero.name());
        assertThat(names("q=" + encode("ulrtabuok " + marker))).containsExactly(aero.name());
        assertThat(names("q=" + encode("grenute " + marker))).isEmpty();
    }

    @Test
    void answersARepeatedSearchFromOpenSearchsRequestCache() {
        catalog.published(laptop("Nimbus", "Acme", "599.00", 8));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=" + marker)).hasSize(1));

        String query = "q=" + encode("nimbus " + marker) + "&sort=price_asc";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            find(query);
            long before = requestCacheHits();
            find(query);
            assertThat(requestCacheHits() - before)
                    .as("lookups answered from the cache: the page of hits and the facets")
                    .isEqualTo(2);
        });
    }

    private long requestCacheHits() {
        Response stats = ApiClient.at(TestEngines.openSearchUrl()).get("/" + INDEX + "/_stats/request_cache");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        return stats.json().at("/_all/total/request_cache/hit_count").asLong();
    }

    @Test
    void filtersSortsAndCountsFacets() {
        catalog.published(laptop("Breeze", "Acme", "499.00", 8));
        catalog.published(laptop("Cirrus", "Acme", "899.00", 16));
        catalog.published(laptop("Stratus", "Globex", "1299.00", 16));
        catalog.published(CatalogEventsFixture.product(
                UUID.randomUUID(), 1, "Linen shirt " + marker, "Globex", "shirts", "39.00", Map.of("size", "M")));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=" + marker)).hasSize(4));

        assertThat(names("q=" + marker + "&category=computers&sort=price_asc"))
                .containsExactly("Breeze " + marker, "Cirrus " + marker, "Stratus " + marker);
        assertThat(names("q=" + marker + "&category=electronics&sort=price_desc&brand=acme"))
                .containsExactly("Cirrus " + marker, "Breeze " + marker);
        assertThat(names("q=" + marker + "&minPrice=500&maxPrice=1300&sort=price_asc"))
                .containsExactly("Cirrus " + marker, "Stratus " + marker);
        assertThat(names("q=" + marker + "&attr.ramGb=16&sort=price_asc"))
                .containsExactly("Cirrus " + marker, "Stratus " + marker);
        assertThat(names("q=" + marker + "&size=1&page=1&sort=price_asc")).containsExactly("Breeze " + marker);

        JsonNode facets = find("q=" + marker + "&priceBand=500").get("facets");
        assertThat(facets.get("brands").findValuesAsString("label")).containsExactlyInAnyOrder("Acme", "Globex");
        assertThat(facets.get("brands").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(facets.get("categories").findValuesAsString("value")).containsExactlyInAnyOrder("laptops", "shirts");
        assertThat(facets.get("attributes").get("ramGb").findValuesAsString("value"))
                .containsExactlyInAnyOrder("16", "8");
        assertThat(facets.get("prices").findValues("count").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void keepsTheNewestVersionWhenEventsAreDuplicatedOrReordered() {
        UUID id = UUID.randomUUID();
        ProductSnapshot v1 =
                CatalogEventsFixture.product(id, 1, "Nimbus " + marker, "Acme", "laptops", "700.00", Map.of());
        ProductSnapshot v3 =
                CatalogEventsFixture.product(id, 3, "Nimbus Pro " + marker, "Acme", "laptops", "650.00", Map.of());
        ProductSnapshot v2 =
                CatalogEventsFixture.product(id, 2, "Nimbus Old " + marker, "Acme", "laptops", "690.00", Map.of());
        catalog.published(v1);
        catalog.updated(v3);
        catalog.updated(v2);
        catalog.updated(v3);
        catalog.published(v1);
        ProductSnapshot other = laptop("Sentinel", "Acme", "10.00", 4);
        catalog.published(other);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=sentinel+" + marker)).contains(other.name()));
        assertThat(names("q=nimbus+" + marker)).containsExactly("Nimbus Pro " + marker);
        assertThat(find("q=nimbus+" + marker).get("hits").get(0).get("price").decimalValue())
                .isEqualByComparingTo("650.00");

        catalog.archived(v3, 4);
        catalog.updated(v3);
        catalog.published(v1);
        ProductSnapshot after = laptop("Afterwards", "Acme", "10.00", 4);
        catalog.published(after);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=afterwards+" + marker)).contains(after.name()));
        assertThat(names("q=nimbus+" + marker)).isEmpty();
    }

    @Test
    void suggestsNamesAsTheShopperTypes() {
        ProductSnapshot product = CatalogEventsFixture.product(
                UUID.randomUUID(), 1, "Zephyrion Headphones " + marker, "Acme", "phones", "199.00", Map.of());
        catalog.published(product);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.get("/api/v1/search/suggestions?q=zephyr")
                                .json()
                                .findValuesAsString("name"))
                        .contains(product.name()));
        assertThat(search.get("/api/v1/search/suggestions?q=zephyrion+headph")
                        .json()
                        .findValuesAsString("slug"))
                .contains(product.slug());
    }

    @Test
    void refusesQueriesItCannotAnswerSensibly() {
        assertRefused("sort=cheapest", "sort");
        assertRefused("page=-1", "page");
        assertRefused("size=0", "size");
        assertRefused("size=100000", "size");
        assertRefused("page=500&size=100", "page");
        assertRefused("minPrice=ten", "minPrice");
        assertRefused("minPrice=20&maxPrice=10", "maxPrice");
        assertRefused("q=" + "x".repeat(201), "q");
        assertRefused("category=" + encode("*"), "category");
        assertRefused("brand=" + encode("acme\") OR 1=1"), "brand");
        assertRefused(encode("attr.$where") + "=1", "attr");
        assertThat(search.get("/api/v1/search/suggestions?q=").status()).isEqualTo(400);
    }

    private void assertRefused(String query, String field) {
        Response response = search.get("/api/v1/search/products?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void treatsQueryDslInTheTextAsWordsToFind() {
        catalog.published(laptop("Only", "Acme", "1.00", 1));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(names("q=" + marker)).hasSize(1));

        for (String attempt : List.of(
                "{\"match_all\":{}}",
                "*:*",
                "name:* OR active:false",
                "\"}},\"script\":{\"source\":\"1\"}}",
                marker + "\" OR \"1\"=\"1")) {
            Response response = search.get("/api/v1/search/products?q=" + encode(attempt));
            assertThat(response.status()).as(attempt).isEqualTo(200);
            assertThat(hitNames(response.json())).as(attempt).allMatch(name -> name.contains(marker));
        }
        assertThat(names("q=" + encode(marker + " {\"match_all\":{}}") + "&attr.ramGb=" + encode("{\"gt\":0}")))
                .isEmpty();
    }
}
