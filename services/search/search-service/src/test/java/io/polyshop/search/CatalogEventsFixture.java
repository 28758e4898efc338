package io.polyshop.search;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes catalog events on the real broker exactly as catalog's outbox relay does. */
final class CatalogEventsFixture {

    private final KafkaTemplate<String, Object> kafka;
    private final EventEnvelopes envelopes;

    CatalogEventsFixture(KafkaTemplate<String, Object> kafka, EventEnvelopes envelopes) {
        this.kafka = kafka;
        this.envelopes = envelopes;
    }

    static ProductSnapshot product(
            UUID id,
            long version,
            String name,
            String brand,
            String category,
            String price,
            Map<String, Object> attributes) {
        List<String> path = switch (category) {
            case "laptops" -> List.of("electronics", "computers", "laptops");
            case "phones" -> List.of("electronics", "phones");
            default -> List.of("clothing", category);
        };
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-"
                + id.toString().substring(0, 6);
        return new ProductSnapshot(
                id,
                version,
                "SKU-" + id.toString().substring(0, 8).toUpperCase(),
                slug,
                name,
                "The " + name + " by " + brand + ", described at length for shoppers.",
                new ProductSnapshot.Brand(brand.toLowerCase(), brand),
                new ProductSnapshot.Category(
                        category, category.substring(0, 1).toUpperCase() + category.substring(1), path),
                new ProductSnapshot.Price(new BigDecimal(price), "EUR"),
                List.of("https://images.polyshop.test/" + id + ".jpg"),
                attributes,
                List.of(),
                Instant.parse("2026-11-01T10:00:00Z").plusSeconds(version + Math.abs(id.hashCode() % 1000)),
                Instant.now());
    }

    void published(ProductSnapshot product) {
        send(product.productId(), CatalogEvents.PRODUCT_PUBLISHED, new ProductPublished(product));
    }

    void updated(ProductSnapshot product) {
        send(product.productId(), CatalogEvents.PRODUCT_UPDATED, new ProductUpdated(product));
    }

    void archived(ProductSnapshot product, long version) {
        send(
                product.productId(),
                CatalogEvents.PRODUCT_ARCHIVED,
                new ProductArchived(product.productId(), version, product.sku(), List.of(), Instant.now()));
    }

    private void send(UUID productId, String type, Object payload) {
        byte[] envelope = envelopes.serialize(
                envelopes.envelope(type, productId.toString(), ApiClient.json().writeValueAsBytes(payload)));
        kafka.send(EventEnvelopes.producerRecord(CatalogEvents.TOPIC, productId.toString(), envelope, null))
                .join();
    }
}
