package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What editors may send, one product or an NDJSON import: invalid input refused with its fields or line numbers, and only admins write. */
class CatalogInputIT extends CatalogTestSupport {

    @Test
    void rejectsInvalidProductsNamingTheFieldAndStoresNothing() {
        assertRejected(
                p -> p.put("price", Map.of("amount", new BigDecimal("-1.00"), "currency", "EUR")), "price.amount");
        assertRejected(
                p -> p.put("price", Map.of("amount", new BigDecimal("10.999"), "currency", "EUR")), "price.amount");
        assertRejected(
                p -> p.put("price", Map.of("amount", new BigDecimal("10.00"), "currency", "EUX")), "price.currency");
        assertRejected(p -> p.put("categoryId", "spaceships"), "categoryId");
        assertRejected(p -> p.put("brandId", "initech"), "brandId");
        assertRejected(p -> p.put("attributes", Map.of("ramGb", "sixteen", "storageGb", 512)), "attributes.ramGb");
        assertRejected(p -> p.put("attributes", Map.of("ramGb", 16)), "attributes.storageGb");
        assertRejected(p -> p.put("description", "x".repeat(5_001)), "description");
        assertRejected(p -> p.put("slug", "Not A Slug!"), "slug");
        assertRejected(p -> p.put("sku", "a"), "sku");
        assertRejected(p -> p.put("images", List.of("javascript:alert(1)")), "images[0]");
        assertRejected(p -> p.put("colour", "red"), "colour");
    }

    @Test
    void treatsMongoOperatorsInInputAsDataThatDoesNotFit() {
        assertRejected(p -> p.put("name", Map.of("$gt", "")), "name");
        assertRejected(
                p -> p.put("attributes", Map.of("ramGb", Map.of("$gt", 0), "storageGb", 512)), "attributes.ramGb");
        assertRejected(
                p -> p.put("attributes", Map.of("$where", "sleep(1000)", "ramGb", 16, "storageGb", 512)), "attributes");
        assertRejected(p -> p.put("categoryId", "{\"$ne\":null}"), "categoryId");

        assertThat(anonymous.get("/api/v1/products/by-slug/$where").status()).isEqualTo(400);
        assertThat(anonymous
                        .get("/api/v1/products?category=%7B%22%24ne%22%3Anull%7D")
                        .status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/admin/brands/$where", Map.of("name", "x")).status())
                .isEqualTo(400);
    }

    @Test
    void letsOnlyAdminsWrite() {
        Map<String, Object> laptop = CatalogFixtures.laptop("Locked");
        ApiClient support = anonymous.as(TOKENS.valid("helper-1", "SUPPORT"));
        String productId = admin.post("/api/v1/admin/products", CatalogFixtures.laptop("Seen by support"))
                .json()
                .get("id")
                .asString();

        Response invalidByCustomer = customer.post("/api/v1/admin/products", Map.of("name", ""));
        assertThat(invalidByCustomer.status())
                .as("refused before the body is validated")
                .isEqualTo(403);
        assertThat(invalidByCustomer.body()).doesNotContain("\"errors\"");
        assertThat(support.get("/api/v1/admin/products/" + productId).status()).isEqualTo(200);
        assertThat(support.post("/api/v1/admin/products", laptop).status()).isEqualTo(403);
        assertThat(support.post("/api/v1/admin/products/" + productId + "/archive", null)
                        .status())
                .isEqualTo(403);

        assertThat(anonymous.post("/api/v1/admin/products", laptop).status()).isEqualTo(401);
        assertThat(customer.post("/api/v1/admin/products", laptop).status()).isEqualTo(403);
        assertThat(customer.put("/api/v1/admin/brands/evil", Map.of("name", "Evil"))
                        .status())
                .isEqualTo(403);
        assertThat(customer.send("POST", "/api/v1/admin/product-imports", "{}", "application/x-ndjson")
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/v1/categories").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/brands").json().findValuesAsString("id"))
                .contains("acme", "globex");
    }

    @Test
    void importsNdjsonRejectingBadLinesWithTheirNumbers() {
        Map<String, Object> first = CatalogFixtures.laptop("Imported 1");
        first.put("status", "ACTIVE");
        Map<String, Object> broken = CatalogFixtures.laptop("Imported 2");
        broken.put("price", Map.of("amount", new BigDecimal("-5"), "currency", "EUR"));
        Map<String, Object> third = CatalogFixtures.laptop("Imported 3");
        String body = String.join(
                "\n",
                ApiClient.json().writeValueAsString(first),
                "{not json",
                ApiClient.json().writeValueAsString(broken),
                "",
                ApiClient.json().writeValueAsString(third),
                "{\"name\":\"" + "x".repeat(100_000) + "\"}");

        Response report = admin.send("POST", "/api/v1/admin/product-imports", body, "application/x-ndjson");
        Response again = admin.send("POST", "/api/v1/admin/product-imports", body, "application/x-ndjson");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode result = report.json();
        assertThat(result.get("created").asLong()).isEqualTo(2);
        assertThat(result.get("rejected").asLong()).isEqualTo(3);
        assertThat(result.get("rejections").findValues("line").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactly(2L, 3L, 6L);
        assertThat(result.get("rejections").get(1).get("reason").asString()).contains("price.amount");
        assertThat(result.get("rejections").get(2).get("reason").asString()).contains("longer than 65536");
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(2);
        assertThat(again.json().get("created").asLong()).isZero();
        assertThat(anonymous
                        .get("/api/v1/products/by-slug/" + first.get("slug"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .get("/api/v1/products/by-slug/" + third.get("slug"))
                        .status())
                .as("imported as a draft")
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/product-imports").json().findValuesAsString("state"))
                .contains("FINISHED");

        Response withdrawal = admin.send(
                "POST",
                "/api/v1/admin/product-imports",
                "{\"sku\":\"" + first.get("sku")
                        + "\",\"status\":\"ARCHIVED\"}\n{\"sku\":\"NOPE-000\",\"status\":\"ARCHIVED\"}",
                "application/x-ndjson");
        assertThat(withdrawal.json().get("updated").asLong()).isEqualTo(1);
        assertThat(withdrawal.json().get("rejections").get(0).get("line").asLong())
                .isEqualTo(2);
        assertThat(anonymous
                        .get("/api/v1/products/by-slug/" + first.get("slug"))
                        .status())
                .isEqualTo(404);
    }
}
