package io.polyshop.cart.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.cart.application.CatalogPriceFeed;
import io.polyshop.cart.domain.Money;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.platform.messaging.ConsumedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Catalog's product events feed the cart's price read model; versions make repeats harmless. */
public class CatalogPricesListener {

    private final CatalogPriceFeed feed;
    private final ConsumedEvents events;

    public CatalogPricesListener(CatalogPriceFeed feed, ConsumedEvents events) {
        this.feed = feed;
        this.events = events;
    }

    @KafkaListener(id = "cart-catalog-prices", topics = CatalogEvents.TOPIC)
    public void onProductEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        switch (event.getType()) {
            case CatalogEvents.PRODUCT_PUBLISHED ->
                onSale(events.data(event, ProductPublished.class).product());
            case CatalogEvents.PRODUCT_UPDATED ->
                onSale(events.data(event, ProductUpdated.class).product());
            case CatalogEvents.PRODUCT_ARCHIVED -> {
                ProductArchived archived = events.data(event, ProductArchived.class);
                feed.withdrawn(archived.skus().stream().map(Sku::new).toList(), archived.version());
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
                        .map(price -> new ProductPrice(
                                new Sku(price.sku()),
                                productId,
                                product.name(),
                                new Money(price.price().amount(), price.price().currency()),
                                true,
                                product.version()))
                        .toList());
    }
}
