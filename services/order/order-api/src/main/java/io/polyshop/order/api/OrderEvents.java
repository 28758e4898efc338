package io.polyshop.order.api;

/** Where the order service publishes what happens to orders, keyed by order id. */
public final class OrderEvents {

    public static final String TOPIC = "order.events";

    public static final String ORDER_PLACED = "polyshop.order.placed.v1";

    private OrderEvents() {}
}
