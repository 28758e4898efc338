package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A product from draft to published, revised and archived: what shoppers see, what is announced, and the conflicts refused. */
class ProductLifecycleIT extends CatalogTestSupport {

    @Test
    void createsADraftThatShoppersCannotSeeUntilItIsPublished() {
        Map<String, Object> laptop = CatalogFixtures.laptop("Aero 14");
        JsonNode draft = create(laptop);
        String id = draft.get("id").asString();

        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("price").get("amount").decimalValue()).isEqualByComparingTo("999.90");
        assertThat(anonymous.get("/api/v1/products/" + id).status()).isEqualTo(404);

        admin.post("/api/v1/admin/products/" + id + "/publish", null);

        Response shown = anonymous.get("/api/v1/products/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("name").asString()).isEqualTo("Aero 14");
        assertThat(shown.json().get("brand").get("name").asString()).isEqualTo("Acme");
        assertThat(shown.json().get("category").get("path").toString())
                .isEqualTo("[\"electronics\",\"computers\",\"laptops\"]");
        assertThat(shown.json().get("attributes").get("ramGb").asInt()).isEqualTo(16);
        assertThat(anonymous
                        .get("/api/v1/products/by-slug/" + laptop.get("slug"))
                        .json()
                        .get("id"))
                .isNull();
        assertThat(anonymous
                        .get("/api/v1/products/by-slug/" + laptop.get("slug"))
                        .json()
                        .get("productId")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void announcesPublicationUpdatesAndArchivingThroughTheDocumentOutbox() {
        Map<String, Object> laptop = CatalogFixtures.laptop("Aero 15");
        JsonNode published = createPublished(laptop);
        String id = published.get("id").asString();

        laptop.put("price", Map.of("amount", new BigDecimal("899.00"), "currency", "EUR"));
        Response revised = admin.with(
                        "If-Match", "\"" + published.get("version").asLong() + "\"")
                .put("/api/v1/admin/products/" + id, laptop);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        Response archived = admin.post("/api/v1/admin/products/" + id + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);

        events.await(
                event -> id.equals(event.subject()) && event.type().equals(CatalogEvents.PRODUCT_ARCHIVED),
                Duration.ofSeconds(20));
        List<TopicRecorder.Event> about = events.about(id);
        assertThat(about)
                .extracting(TopicRecorder.Event::type)
                .containsExactly(
                        CatalogEvents.PRODUCT_PUBLISHED, CatalogEvents.PRODUCT_UPDATED, CatalogEvents.PRODUCT_ARCHIVED);
        JsonNode updated = about.get(1).data().get("product");
        assertThat(updated.get("price").get("amount").decimalValue()).isEqualByComparingTo("899.00");
        assertThat(updated.get("version").asLong()).isEqualTo(3);
        assertThat(about.get(2).data().get("version").asLong()).isEqualTo(4);
        assertThat(anonymous.get("/api/v1/products/" + id).status()).isEqualTo(404);
        Document stored = mongo.findById(id, Document.class, "products");
        assertThat(stored.getList("outbox", Document.class))
                .as("relayed events leave the document")
                .isEmpty();
    }

    @Test
    void refusesAnUpdateBasedOnAStaleVersion() {
        Map<String, Object> laptop = CatalogFixtures.laptop("Aero 16");
        String id = create(laptop).get("id").asString();
        laptop.put("name", "Aero 16 Pro");
        assertThat(admin.with("If-Match", "\"1\"")
                        .put("/api/v1/admin/products/" + id, laptop)
                        .status())
                .isEqualTo(200);

        laptop.put("name", "Aero 16 Max");
        Response stale = admin.with("If-Match", "\"1\"").put("/api/v1/admin/products/" + id, laptop);
        Response unversioned = admin.put("/api/v1/admin/products/" + id, laptop);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unversioned.status()).isEqualTo(428);
        Response current = admin.get("/api/v1/admin/products/" + id);
        assertThat(current.json().get("name").asString()).isEqualTo("Aero 16 Pro");
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void refusesADuplicateSkuOrSlug() {
        Map<String, Object> first = CatalogFixtures.laptop("Twin");
        create(first);
        Map<String, Object> sameSlug = CatalogFixtures.laptop("Twin 2");
        sameSlug.put("slug", first.get("slug"));
        Map<String, Object> variantSku = CatalogFixtures.laptop("Twin 3");
        variantSku.put("sku", ((Map<?, ?>) ((List<?>) first.get("variants")).getFirst()).get("sku"));

        assertThat(admin.post("/api/v1/admin/products", sameSlug).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/products", variantSku).status()).isEqualTo(409);
    }
}
