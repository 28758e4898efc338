package io.polyshop.inventory.application.port.out;

import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.Shortage;
import io.polyshop.inventory.domain.StockLevel;
import java.util.List;

/**
 * What inventory tells the rest of the shop with a stock change, written in the same transaction.
 * Answers to the saga go to the topic the command named ({@code replyTo}); the adapter puts each
 * into the published contract's shape.
 */
public sealed interface InventoryNews {

    record StockReserved(Reservation reservation, String replyTo) implements InventoryNews {}

    record StockReservationFailed(Reservation reservation, String reason, List<Shortage> shortages, String replyTo)
            implements InventoryNews {}

    record ReservationConfirmed(Reservation reservation, String replyTo) implements InventoryNews {}

    record ReservationConfirmationFailed(Reservation reservation, String reason, String replyTo)
            implements InventoryNews {}

    record StockReleased(Reservation reservation, String replyTo) implements InventoryNews {}

    /** Available stock of a SKU fell to its watch threshold or below. */
    record StockLow(StockLevel level, long threshold) implements InventoryNews {}
}
