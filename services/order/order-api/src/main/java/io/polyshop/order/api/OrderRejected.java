package io.polyshop.order.api;

import java.time.Instant;

/** The checkout failed and was undone; {@code reason} is written for the customer. */
public record OrderRejected(String orderId, String customerId, String reason, Instant rejectedAt) {}
