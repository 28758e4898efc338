package io.polyshop.inventory.application;

import io.polyshop.inventory.application.port.out.Stock;
import io.polyshop.inventory.domain.InvalidStockRequestException;
import io.polyshop.inventory.domain.LedgerEntry;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockChange;
import io.polyshop.inventory.domain.StockLevel;
import java.util.List;
import java.util.Optional;

/** What admins do with stock: look, set, adjust with a reason, and read the ledger. */
public class StockAdministration {

    /** Larger single changes are typos; a real delivery of more arrives as several adjustments. */
    public static final long MAX_CHANGE = 1_000_000_000L;

    public static final int MAX_LEDGER_PAGE = 200;

    private final Stock store;
    private final LowStockWatch lowStock;

    public StockAdministration(Stock store, LowStockWatch lowStock) {
        this.store = store;
        this.lowStock = lowStock;
    }

    public StockLevel level(Sku sku) {
        return store.level(sku).orElseGet(() -> StockLevel.none(sku));
    }

    public StockLevel adjust(Sku sku, long delta, StockChange change) {
        if (delta == 0 || Math.abs(delta) > MAX_CHANGE) {
            throw new InvalidStockRequestException(
                    "delta", "must be non-zero and at most " + MAX_CHANGE + " either way");
        }
        StockLevel level = store.adjust(sku, delta, change);
        watchLowStock(sku);
        return level;
    }

    public StockLevel set(Sku sku, long onHand, StockChange change) {
        if (onHand < 0 || onHand > MAX_CHANGE) {
            throw new InvalidStockRequestException("onHand", "must be between 0 and " + MAX_CHANGE);
        }
        StockLevel level = store.set(sku, onHand, change);
        watchLowStock(sku);
        return level;
    }

    public List<LedgerEntry> ledger(Sku sku, Optional<String> before, int size) {
        if (size < 1 || size > MAX_LEDGER_PAGE) {
            throw new InvalidStockRequestException("size", "must be between 1 and " + MAX_LEDGER_PAGE);
        }
        return store.ledger(sku, before, size);
    }

    private void watchLowStock(Sku sku) {
        lowStock.note(List.of(sku));
    }
}
