package io.polyshop.cart.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.cart.application.CatalogPriceFeed;
import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Catalog's product events feed the cart's price read model; versions make repeats harmless. */
public class CatalogPricesListener {

    private final CatalogPriceFeed feed;
    private final JsonMapper json;

    public CatalogPricesListener(CatalogPriceFeed feed, JsonMapper json) {
        this.feed = feed;
        // Producers may add fields to their contracts; a consumer reads what it knows.
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @KafkaListener(id = "cart-catalog-prices", topics = CatalogEvents.TOPIC)
    public void onProductEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = Envelopes.readable(record);
        byte[] data = event.getData().toBytes();
        switch (event.getType()) {
            case CatalogEvents.PRODUCT_PUBLISHED ->
                feed.onSale(json.readValue(data, ProductPublished.class).product());
            case CatalogEvents.PRODUCT_UPDATED ->
                feed.onSale(json.readValue(data, ProductUpdated.class).product());
            case CatalogEvents.PRODUCT_ARCHIVED -> feed.withdrawn(json.readValue(data, ProductArchived.class));
            default -> {
                // other catalog events do not touch prices
            }
        }
    }
}
