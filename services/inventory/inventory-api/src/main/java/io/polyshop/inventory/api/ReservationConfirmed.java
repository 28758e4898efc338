package io.polyshop.inventory.api;

import java.util.List;

/** The reserved stock has left the shelf. */
public record ReservationConfirmed(String reservationId, String orderId, List<StockLine> lines) {}
