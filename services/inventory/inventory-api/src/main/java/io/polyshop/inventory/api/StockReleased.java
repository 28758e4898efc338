package io.polyshop.inventory.api;

import java.util.List;

/** The reservation's stock is available again (or nothing was held under that id). */
public record StockReleased(String reservationId, String orderId, String reason, List<StockLine> lines) {}
