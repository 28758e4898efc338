package io.polyshop.order.domain;

import java.time.Instant;

/** One entry of an order's status history, with the reason a customer can read. */
public record StatusChange(OrderStatus status, String reason, Instant at) {}
