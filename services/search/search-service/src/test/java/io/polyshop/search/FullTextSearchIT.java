package io.polyshop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.platform.test.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Finding products by what shoppers type: typos forgiven, matches highlighted, names completed, query syntax taken as words. */
class FullTextSearchIT extends SearchTestSupport {

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
