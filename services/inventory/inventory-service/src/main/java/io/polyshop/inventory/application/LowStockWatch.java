package io.polyshop.inventory.application;

import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.application.port.out.Stock;
import io.polyshop.inventory.domain.Sku;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when {@code StockLow} goes out. Changes only note which SKUs moved; a timer then looks
 * at each noted SKU once, however often it moved meanwhile, so a hot SKU costs one read per look
 * instead of one per reservation. The alert's flag on the stock item makes it once per fall.
 */
public class LowStockWatch {

    private final Stock store;
    private final long threshold;
    private final Set<Sku> noted = ConcurrentHashMap.newKeySet();

    public LowStockWatch(Stock store, InventoryPolicy policy) {
        this.store = store;
        this.threshold = policy.lowStockThreshold();
    }

    void note(Collection<Sku> skus) {
        noted.addAll(skus);
    }

    /** Looks at every SKU noted since the last look; returns how many it looked at. */
    public int lookAtNoted() {
        int looked = 0;
        for (Sku sku : noted) {
            if (noted.remove(sku)) {
                store.watchLowStock(sku, threshold, level -> new InventoryNews.StockLow(level, threshold));
                looked++;
            }
        }
        return looked;
    }
}
