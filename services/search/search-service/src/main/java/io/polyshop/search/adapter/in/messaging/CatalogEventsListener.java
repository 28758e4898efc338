package io.polyshop.search.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.search.adapter.contract.ProductChanges;
import io.polyshop.search.application.CatalogIndexing;
import io.polyshop.search.domain.ProductChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies catalog's product events to the index a poll's worth at a time (one bulk request). An
 * event that cannot be read fails on its own: the error handler retries the batch from it and,
 * after the configured attempts, sends it to the dead-letter topic while the rest flows on.
 */
public class CatalogEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final CatalogIndexing index;
    private final JsonMapper json;

    public CatalogEventsListener(CatalogIndexing index, JsonMapper json) {
        this.index = index;
        this.json = json;
    }

    @KafkaListener(id = "search-catalog-products", topics = CatalogEvents.TOPIC, batch = "true")
    public void onProductEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        List<ProductChange> changes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            try {
                change(record, changes);
            } catch (RuntimeException unreadable) {
                log.warn(
                        "catalog event at {}-{}@{} is unreadable: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        unreadable.getMessage());
                if (!changes.isEmpty()) {
                    index.apply(changes);
                }
                throw new BatchListenerFailedException(
                        "unreadable catalog event " + describe(record.value()), unreadable, i);
            }
        }
        index.apply(changes);
    }

    private void change(ConsumerRecord<String, CloudEvent> record, List<ProductChange> changes) {
        CloudEvent event = record.value();
        if (event == null) {
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            throw new IllegalArgumentException(
                    "not a CloudEvent: "
                            + (cause == null ? "empty record" : cause.getMessage() + " (" + cause.getCause() + ")"),
                    cause);
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("a CloudEvent without data");
        }
        byte[] data = event.getData().toBytes();
        switch (event.getType()) {
            case CatalogEvents.PRODUCT_PUBLISHED ->
                changes.add(ProductChanges.indexed(
                        json.readValue(data, ProductPublished.class).product()));
            case CatalogEvents.PRODUCT_UPDATED ->
                changes.add(ProductChanges.indexed(
                        json.readValue(data, ProductUpdated.class).product()));
            case CatalogEvents.PRODUCT_ARCHIVED ->
                changes.add(ProductChanges.withdrawn(json.readValue(data, ProductArchived.class)));
            default -> log.debug("ignoring catalog event of type {}", event.getType());
        }
    }

    private static String describe(CloudEvent event) {
        return event == null ? "(unreadable envelope)" : event.getId() + " (" + event.getType() + ")";
    }
}
