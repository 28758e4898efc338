package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a listener consumed: the record's CloudEvent, and its data as the producer's contract
 * record. Producers may add fields to their contracts, so unknown fields are skipped here even
 * where a service's HTTP API refuses them.
 */
public class ConsumedEvents {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final JsonMapper json;

    public ConsumedEvents(JsonMapper json) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The record's event; a record that is not one with data fails, to be retried and dead-lettered. */
    public CloudEvent envelope(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || event.getData() == null) {
            throw new IllegalArgumentException("not a CloudEvent with data at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        return json.readValue(event.getData().toBytes(), type);
    }

    /**
     * The topic a saga command asks its reply to go to; empty when it asks for none. A value that
     * cannot be a Kafka topic fails the command, to be dead-lettered.
     */
    public Optional<String> replyTopic(String replyTo) {
        if (replyTo != null && !TOPIC.matcher(replyTo).matches()) {
            throw new IllegalArgumentException("replyTo is not a topic name");
        }
        return Optional.ofNullable(replyTo);
    }
}
