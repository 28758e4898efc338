package io.polyshop.inventory.adapter.in.scheduling;

import io.polyshop.inventory.application.LowStockWatch;
import io.polyshop.inventory.application.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What inventory does on its own clock: give back stock that checkouts held and never confirmed,
 * and check the SKUs whose stock moved against the low-stock threshold. Every instance runs both;
 * the writes they make are conditional, so two instances never do a thing twice.
 */
public class InventoryTimers {

    private static final Logger log = LoggerFactory.getLogger(InventoryTimers.class);

    private final Reservations reservations;
    private final LowStockWatch lowStock;

    public InventoryTimers(Reservations reservations, LowStockWatch lowStock) {
        this.reservations = reservations;
        this.lowStock = lowStock;
    }

    @Scheduled(fixedDelayString = "${polyshop.inventory.expiry-sweep:PT5S}")
    public void releaseExpired() {
        int released;
        do {
            released = reservations.releaseExpired();
            if (released > 0) {
                log.info("released {} expired reservation(s)", released);
            }
        } while (released > 0);
    }

    @Scheduled(fixedDelayString = "${polyshop.inventory.low-stock-watch:PT0.5S}")
    public void watchLowStock() {
        lowStock.lookAtNoted();
    }
}
