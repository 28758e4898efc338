package io.polyshop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.catalog.api.ProductSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keeping the index in step with catalog's events, however they arrive. */
class CatalogIndexingIT extends SearchTestSupport {

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
}
