package io.polyshop.cart.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

final class Envelopes {

    private Envelopes() {}

    /** The record's CloudEvent; one that is not readable fails, to be retried and dead-lettered. */
    static CloudEvent readable(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || event.getData() == null) {
            throw new IllegalArgumentException("not a CloudEvent with data at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        return event;
    }
}
