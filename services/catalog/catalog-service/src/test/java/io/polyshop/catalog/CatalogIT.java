package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class CatalogIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @AutoClose
    private static final TopicRecorder events = TopicRecorder.start(CatalogEvents.TOPIC);

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    private ApiClient anonymous;
    private ApiClient admin;
    private ApiClient customer;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.mongo(registry, "catalog");
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
    }

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port);
        admin = anonymous.as(TOKENS.valid("editor-1", "ADMIN"));
        customer = anonymous.as(TOKENS.valid("shopper-1", "CUSTOMER"));
        CatalogFixtures.defineCatalog(admin);
    }

    private JsonNode create(Map<String, Object> product) {
        Response created = admin.post("/api/v1/admin/products", product);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode createPublished(Map<String, Object> product) {
        JsonNode created = create(product);
        Response published =
                admin.post("/api/v1/admin/products/" + created.get("id").asString() + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private long storedProducts() {
        return mongo.count(new Query(), "products");
    }

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

    private void assertRejected(Consumer<Map<String, Object>> spoil, String field) {
        long before = storedProducts();
        Map<String, Object> product = CatalogFixtures.laptop("Broken");
        spoil.accept(product);

        Response response = admin.post("/api/v1/admin/products", product);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .as(response.toString())
                .contains(field);
        assertThat(storedProducts()).isEqualTo(before);
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
