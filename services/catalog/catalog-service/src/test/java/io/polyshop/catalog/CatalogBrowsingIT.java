package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What shoppers browse: a category with its descendants, page by page. */
class CatalogBrowsingIT extends CatalogTestSupport {

    @Test
    void listsACategoryWithItsDescendantsPageByPage() {
        for (int i = 0; i < 3; i++) {
            createPublished(CatalogFixtures.laptop("Listed " + i));
        }

        Response page = anonymous.get("/api/v1/products?category=electronics&page=0&size=2");
        Response tooLarge = anonymous.get("/api/v1/products?category=electronics&size=1000");
        Response unknown = anonymous.get("/api/v1/products?category=spaceships");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode tree = anonymous.get("/api/v1/categories").json();
        assertThat(tree.findValuesAsString("id")).contains("electronics", "computers", "laptops", "t-shirts");
    }
}
