package io.polyshop.inventory.application;

import java.time.Duration;

/**
 * @param reservationTtl how long a reservation holds stock unless confirmed
 * @param lowStockThreshold available stock under which a {@code StockLow} event goes out
 */
public record InventoryPolicy(Duration reservationTtl, long lowStockThreshold) {

    public InventoryPolicy {
        if (reservationTtl.isNegative() || reservationTtl.isZero()) {
            throw new IllegalArgumentException("the reservation time must be positive");
        }
        if (lowStockThreshold < 0) {
            throw new IllegalArgumentException("the low-stock threshold may not be negative");
        }
    }
}
