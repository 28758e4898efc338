package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicRecorder;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
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

/** What the catalog ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class CatalogTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();

    // Shared by every IT of the JVM that extends this, so left open: a daemon thread, it ends with the JVM.
    static final TopicRecorder events = TopicRecorder.start(CatalogEvents.TOPIC);

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    ApiClient anonymous;
    ApiClient admin;
    ApiClient customer;

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

    JsonNode create(Map<String, Object> product) {
        Response created = admin.post("/api/v1/admin/products", product);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    JsonNode createPublished(Map<String, Object> product) {
        JsonNode created = create(product);
        Response published =
                admin.post("/api/v1/admin/products/" + created.get("id").asString() + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    long storedProducts() {
        return mongo.count(new Query(), "products");
    }

    void assertRejected(Consumer<Map<String, Object>> spoil, String field) {
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
}
