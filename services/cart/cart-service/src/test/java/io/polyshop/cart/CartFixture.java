package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.TestWords;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Catalog and order events on the real broker, as their outbox relays publish them. */
final class CartFixture {

    private final KafkaTemplate<String, Object> kafka;
    private final EventEnvelopes envelopes;
    private final StringRedisTemplate redis;

    CartFixture(KafkaTemplate<String, Object> kafka, EventEnvelopes envelopes, StringRedisTemplate redis) {
        this.kafka = kafka;
        this.envelopes = envelopes;
        this.redis = redis;
    }

    static String sku() {
        return TestWords.unique("SKU-").toUpperCase(Locale.ROOT);
    }

    static ProductSnapshot product(String sku, String price, List<ProductSnapshot.Variant> variants, long version) {
        UUID id = UUID.nameUUIDFromBytes(sku.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ProductSnapshot(
                id,
                version,
                sku,
                sku.toLowerCase(Locale.ROOT),
                "Product " + sku,
                "A product for the cart tests.",
                new ProductSnapshot.Brand("acme", "Acme"),
                new ProductSnapshot.Category("gadgets", "Gadgets", List.of("gadgets")),
                new ProductSnapshot.Price(new BigDecimal(price), "EUR"),
                List.of(),
                Map.of(),
                variants,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.now());
    }

    static ProductSnapshot product(String sku, String price) {
        return product(sku, price, List.of(), 1);
    }

    /** Publishes the products and waits until the cart's read model has every SKU at this version. */
    void onSale(ProductSnapshot... products) {
        for (ProductSnapshot product : products) {
            send(
                    CatalogEvents.TOPIC,
                    product.productId().toString(),
                    product.version() == 1 ? CatalogEvents.PRODUCT_PUBLISHED : CatalogEvents.PRODUCT_UPDATED,
                    product.version() == 1 ? new ProductPublished(product) : new ProductUpdated(product));
        }
        for (ProductSnapshot product : products) {
            awaitVersion(product.sku(), product.version());
        }
    }

    void archived(ProductSnapshot product, long version) {
        send(
                CatalogEvents.TOPIC,
                product.productId().toString(),
                CatalogEvents.PRODUCT_ARCHIVED,
                new ProductArchived(
                        product.productId(),
                        version,
                        product.sku(),
                        product.variants().stream()
                                .map(ProductSnapshot.Variant::sku)
                                .toList(),
                        Instant.now()));
        awaitVersion(product.sku(), version);
    }

    void orderPlaced(OrderPlaced order) {
        send(OrderEvents.TOPIC, order.orderId(), OrderEvents.ORDER_PLACED, order);
    }

    private void awaitVersion(String sku, long version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String stored = redis.opsForValue().get("price:" + sku);
            if (stored != null && Long.parseLong(stored.split("\t", 2)[0]) >= version) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(redis.opsForValue().get("price:" + sku))
                .as("the price read model's entry for " + sku)
                .startsWith(version + "\t");
    }

    private void send(String topic, String key, String type, Object payload) {
        byte[] envelope = envelopes.serialize(
                envelopes.envelope(type, key, ApiClient.json().writeValueAsBytes(payload)));
        kafka.send(EventEnvelopes.producerRecord(topic, key, envelope, null)).join();
    }
}
