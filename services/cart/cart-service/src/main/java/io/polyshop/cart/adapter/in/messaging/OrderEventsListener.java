package io.polyshop.cart.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.cart.application.ShoppingCarts;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.Sku;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An order placed from the cart takes its lines out of it, once per order. */
public class OrderEventsListener {

    private final ShoppingCarts carts;
    private final JsonMapper json;

    public OrderEventsListener(ShoppingCarts carts, JsonMapper json) {
        this.carts = carts;
        // Producers may add fields to their contracts; a consumer reads what it knows.
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @KafkaListener(id = "cart-order-events", topics = OrderEvents.TOPIC)
    public void onOrderEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = Envelopes.readable(record);
        if (!OrderEvents.ORDER_PLACED.equals(event.getType())) {
            return;
        }
        OrderPlaced placed = json.readValue(event.getData().toBytes(), OrderPlaced.class);
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
