package io.polyshop.order.api;

/**
 * Where the order service publishes what happens to orders, keyed by order id, and the topic its
 * checkout saga's participants answer on.
 */
public final class OrderEvents {

    public static final String TOPIC = "order.events";

    /** Replies to the checkout saga's commands, keyed by order id (the reservation and payment id). */
    public static final String SAGA_REPLIES = "order.saga-replies";

    /** The saga confirmed the order; the lines it took from the customer's cart leave the cart. */
    public static final String ORDER_PLACED = "polyshop.order.placed.v1";

    public static final String ORDER_CONFIRMED = "polyshop.order.confirmed.v1";
    public static final String ORDER_REJECTED = "polyshop.order.rejected.v1";
    public static final String ORDER_CANCELLED = "polyshop.order.cancelled.v1";

    private OrderEvents() {}
}
