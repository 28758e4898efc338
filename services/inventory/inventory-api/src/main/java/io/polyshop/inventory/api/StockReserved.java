package io.polyshop.inventory.api;

import java.time.Instant;
import java.util.List;

/** Every line is held until {@code expiresAt}; unconfirmed by then, it is released. */
public record StockReserved(String reservationId, String orderId, List<StockLine> lines, Instant expiresAt) {}
