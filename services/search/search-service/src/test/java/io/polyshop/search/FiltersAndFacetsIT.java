package io.polyshop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Narrowing a search: filters, sorts and facet counts, repeated searches from the request cache, and the parameters a search takes. */
class FiltersAndFacetsIT extends SearchTestSupport {

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

    @Test
    void documentsOnlyTheParametersASearchTakes() {
        var parameters = search.get("/v3/api-docs").json().at("/paths/~1api~1v1~1search~1products/get/parameters");

        assertThat(parameters.findValuesAsString("name"))
                .contains("q", "brand", "sort")
                .doesNotContain("parameters");
        assertThat(parameters.findValues("required")).noneMatch(required -> required.asBoolean());
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
}
