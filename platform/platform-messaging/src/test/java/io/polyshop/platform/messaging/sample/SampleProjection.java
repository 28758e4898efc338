package io.polyshop.platform.messaging.sample;

import io.cloudevents.CloudEvent;
import io.polyshop.platform.messaging.Inbox;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies order events once each; an order named {@code poison-*} fails until its bug is "fixed". It
 * counts the deliveries it could not apply, to show what was tried while the store was away.
 */
@Component
public class SampleProjection {

    static final String CONSUMER = "sample-projection";

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedDeliveries = new AtomicInteger();

    SampleProjection(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    public void fix(String poison) {
        fixed.add(poison);
    }

    public int failedDeliveries() {
        return failedDeliveries.get();
    }

    @KafkaListener(topics = SampleOrders.TOPIC)
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        try {
            inbox.applyOnce(CONSUMER, event.getId(), () -> {
                if (event.getSubject().startsWith("poison") && !fixed.contains(event.getSubject())) {
                    throw new IllegalArgumentException("cannot project " + data);
                }
                jdbc.sql("insert into applied_event (event_id, order_id, type) values (?, ?, ?)")
                        .params(event.getId(), event.getSubject(), event.getType())
                        .update();
            });
        } catch (RuntimeException e) {
            failedDeliveries.incrementAndGet();
            throw e;
        }
    }
}
