package io.polyshop.platform.messaging.sample;

import io.cloudevents.CloudEvent;
import io.polyshop.platform.messaging.Inbox;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies order events once each; orders named {@code poison-*} fail until the bug is "fixed". */
@Component
public class SampleProjection {

    static final String CONSUMER = "sample-projection";

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final AtomicBoolean poisonFixed = new AtomicBoolean();

    SampleProjection(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    public void fixPoison() {
        poisonFixed.set(true);
    }

    @KafkaListener(topics = SampleOrders.TOPIC)
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        inbox.applyOnce(CONSUMER, event.getId(), () -> {
            if (event.getSubject().startsWith("poison") && !poisonFixed.get()) {
                throw new IllegalArgumentException("cannot project " + data);
            }
            jdbc.sql("insert into applied_event (event_id, order_id, type) values (?, ?, ?)")
                    .params(event.getId(), event.getSubject(), event.getType())
                    .update();
        });
    }
}
