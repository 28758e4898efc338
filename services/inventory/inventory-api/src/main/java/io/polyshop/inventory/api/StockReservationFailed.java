package io.polyshop.inventory.api;

import java.util.List;

/** Nothing was held. {@code shortLines} names each line that could not be met and what was available. */
public record StockReservationFailed(String reservationId, String orderId, String reason, List<ShortLine> shortLines) {

    public record ShortLine(String sku, int requested, long available) {}
}
