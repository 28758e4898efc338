package io.polyshop.platform.messaging.sample;

import io.polyshop.platform.messaging.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SampleOrders {

    public static final String TOPIC = "sample.orders";

    public record OrderEvent(String orderId) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;

    SampleOrders(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public void place(String orderId) {
        jdbc.sql("insert into sample_order (id, status) values (?, 'PLACED')")
                .param(orderId)
                .update();
        outbox.append(TOPIC, orderId, "polyshop.sample.order-placed.v1", new OrderEvent(orderId));
    }

    @Transactional
    public void pay(String orderId) {
        jdbc.sql("update sample_order set status = 'PAID' where id = ?")
                .param(orderId)
                .update();
        outbox.append(TOPIC, orderId, "polyshop.sample.order-paid.v1", new OrderEvent(orderId));
    }

    /** Writes the order and its event, then fails: neither may survive. */
    @Transactional
    public void placeAndFail(String orderId) {
        place(orderId);
        throw new IllegalStateException("payment provider unreachable");
    }
}
