package io.polyshop.order;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.test.TopicPublisher;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays catalog, inventory and payment for the order service's ITs, over the real broker: it
 * publishes products, watches the commands the saga sends and answers them as a test tells it to.
 * The whole services meet in the e2e module's checkout test.
 */
final class CheckoutParticipants implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final TopicRecorder inventory = TopicRecorder.start(InventoryMessages.COMMANDS);
    private final TopicRecorder payment = TopicRecorder.start(PaymentMessages.COMMANDS);
    private final TopicRecorder news = TopicRecorder.start(OrderEvents.TOPIC);

    /** Publishes a product at {@code price} as catalog would; returns its SKU. */
    static String productOnSale(String name, String price, String currency, long version, UUID productId) {
        String sku = "SKU-" + productId.toString().substring(0, 8).toUpperCase();
        publishProduct(productId, sku, name, price, currency, version);
        return sku;
    }

    static void publishProduct(UUID productId, String sku, String name, String price, String currency, long version) {
        Instant now = Instant.now();
        ProductSnapshot snapshot = new ProductSnapshot(
                productId,
                version,
                sku,
                sku.toLowerCase(),
                name,
                "A product for the order tests.",
                new ProductSnapshot.Brand("acme", "Acme"),
                new ProductSnapshot.Category("gadgets", "Gadgets", List.of("gadgets")),
                new ProductSnapshot.Price(new BigDecimal(price), currency),
                List.of(),
                Map.of(),
                List.of(),
                now,
                now);
        TopicPublisher.shared()
                .publish(
                        CatalogEvents.TOPIC,
                        CatalogEvents.PRODUCT_PUBLISHED,
                        productId.toString(),
                        new ProductPublished(snapshot));
    }

    /** Waits for the saga's command of {@code type} about {@code orderId}, the {@code nth} such (1-based). */
    TopicRecorder.Event awaitCommand(String orderId, String type, int nth) {
        TopicRecorder commands = type.startsWith("polyshop.inventory.") ? inventory : payment;
        commands.await(event -> commandsOf(orderId, type).size() >= nth, DEADLINE);
        return commandsOf(orderId, type).get(nth - 1);
    }

    List<TopicRecorder.Event> commandsOf(String orderId, String type) {
        TopicRecorder commands = type.startsWith("polyshop.inventory.") ? inventory : payment;
        return commands.about(orderId).stream()
                .filter(event -> event.type().equals(type))
                .toList();
    }

    List<TopicRecorder.Event> allCommands(String orderId) {
        return java.util.stream.Stream.concat(inventory.about(orderId).stream(), payment.about(orderId).stream())
                .toList();
    }

    /** Answers the saga as a participant would, on its reply topic. */
    void reply(String orderId, String type, Object data) {
        TopicPublisher.shared().publish(OrderEvents.SAGA_REPLIES, type, orderId, data);
    }

    List<TopicRecorder.Event> news(String orderId) {
        return news.about(orderId);
    }

    TopicRecorder.Event awaitNews(String orderId, String type) {
        return news.await(
                event -> event.subject().equals(orderId) && event.type().equals(type), DEADLINE);
    }

    @Override
    public void close() {
        inventory.close();
        payment.close();
        news.close();
    }
}
