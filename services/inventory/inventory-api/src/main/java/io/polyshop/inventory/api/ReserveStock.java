package io.polyshop.inventory.api;

import java.util.List;

/**
 * Hold every line or none of them. The reservation id makes the command idempotent: a repeat
 * with the same lines has no further effect and gets the same answer.
 *
 * @param replyTo topic for the {@link StockReserved} or {@link StockReservationFailed} reply
 */
public record ReserveStock(String reservationId, String orderId, List<StockLine> lines, String replyTo) {}
