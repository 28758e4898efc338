package io.polyshop.cart.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.cart.application.ShoppingCarts;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.Sku;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.platform.messaging.ConsumedEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** An order placed from the cart takes its lines out of it, once per order. */
public class OrderEventsListener {

    private final ShoppingCarts carts;
    private final ConsumedEvents events;

    public OrderEventsListener(ShoppingCarts carts, ConsumedEvents events) {
        this.carts = carts;
        this.events = events;
    }

    @KafkaListener(id = "cart-order-events", topics = OrderEvents.TOPIC)
    public void onOrderEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        if (!OrderEvents.ORDER_PLACED.equals(event.getType())) {
            return;
        }
        OrderPlaced placed = events.data(event, OrderPlaced.class);
        if (!placed.fromCart()) {
            return;
        }
        Map<Sku, Integer> ordered = new LinkedHashMap<>();
        for (OrderPlaced.Line line : placed.lines()) {
            ordered.merge(new Sku(line.sku()), line.quantity(), Integer::sum);
        }
        carts.letGo(new CartOwner.Customer(placed.customerId()), placed.orderId(), ordered);
    }
}
