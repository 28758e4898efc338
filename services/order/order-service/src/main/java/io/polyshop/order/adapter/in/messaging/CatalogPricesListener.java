package io.polyshop.order.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.order.application.CatalogPrice;
import io.polyshop.order.application.CatalogPriceFeed;
import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Sku;
import io.polyshop.platform.messaging.ConsumedEvents;
import java.util.Currency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Catalog's product events feed the order's price read model; versions make repeats harmless. */
public class CatalogPricesListener {

    private final CatalogPriceFeed feed;
    private final ConsumedEvents events;

    public CatalogPricesListener(CatalogPriceFeed feed, ConsumedEvents events) {
        this.feed = feed;
        this.events = events;
    }

    @KafkaListener(id = "order-catalog-prices", topics = CatalogEvents.TOPIC)
    public void onProductEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        switch (event.getType()) {
            case CatalogEvents.PRODUCT_PUBLISHED ->
                onSale(events.data(event, ProductPublished.class).product());
            case CatalogEvents.PRODUCT_UPDATED ->
                onSale(events.data(event, ProductUpdated.class).product());
            case CatalogEvents.PRODUCT_ARCHIVED -> {
                ProductArchived archived = events.data(event, ProductArchived.class);
                feed.withdrawn(archived.productId().toString(), archived.version());
            }
            default -> {
                // other catalog events do not touch prices
            }
        }
    }

    private void onSale(ProductSnapshot product) {
        String productId = product.productId().toString();
        feed.onSale(
                productId,
                product.version(),
                product.skuPrices().stream()
                        .map(price -> new CatalogPrice(
                                new Sku(price.sku()),
                                productId,
                                product.name(),
                                new Money(
                                        price.price().amount(),
                                        Currency.getInstance(price.price().currency())),
                                true))
                        .toList());
    }
}
