package io.polyshop.inventory.application.port.out;

import io.polyshop.inventory.domain.LedgerEntry;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.Shortage;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockChange;
import io.polyshop.inventory.domain.StockLevel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stock, reservations and the ledger. Every method that changes stock does so in one atomic
 * write together with its ledger entries and the messages handed to it.
 */
public interface Stock {

    Optional<StockLevel> level(Sku sku);

    /** Adds {@code delta} (negative removes) to on-hand stock. */
    StockLevel adjust(Sku sku, long delta, StockChange change);

    /** Sets on-hand stock to {@code onHand}, which may not be less than what is reserved. */
    StockLevel set(Sku sku, long onHand, StockChange change);

    /** The newest entries first, older than {@code before} when given. */
    List<LedgerEntry> ledger(Sku sku, Optional<String> before, int size);

    Optional<Reservation> reservation(ReservationId id);

    /** Holds every line of a new reservation, or none. */
    HoldOutcome hold(Reservation reservation, List<InventoryNews> messages);

    sealed interface HoldOutcome {
        record Held() implements HoldOutcome {}

        record Short(List<Shortage> shortages) implements HoldOutcome {}

        /** A reservation with this id exists already; nothing was written. */
        record Taken() implements HoldOutcome {}
    }

    /** Stores a reservation that holds nothing (rejected, or released unseen) unless the id is taken. */
    boolean record(Reservation reservation, List<InventoryNews> messages);

    /**
     * Moves {@code current} to {@code next} with the stock change that implies, unless its status
     * changed since it was read.
     */
    boolean transition(Reservation current, Reservation next, List<InventoryNews> messages);

    /** Publishes messages without any stock change (a repeated command's answer). */
    void publish(List<InventoryNews> messages);

    /** Held reservations whose time ran out by {@code now}. */
    List<ReservationId> expiredHolds(Instant now, int limit);

    /**
     * Publishes {@code alert} once each time the SKU's available stock falls under
     * {@code threshold}, and re-arms it once stock is back at or above it.
     */
    void watchLowStock(Sku sku, long threshold, Function<StockLevel, InventoryNews> alert);
}
