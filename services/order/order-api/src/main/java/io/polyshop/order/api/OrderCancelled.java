package io.polyshop.order.api;

import java.time.Instant;

/** The order was cancelled and undone: stock released, payment voided or refunded. */
public record OrderCancelled(String orderId, String customerId, String reason, Instant cancelledAt) {}
