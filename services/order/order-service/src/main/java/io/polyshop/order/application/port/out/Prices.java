package io.polyshop.order.application.port.out;

import io.polyshop.order.application.CatalogPrice;
import io.polyshop.order.domain.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The order's local read model of catalog prices, fed by catalog's events. */
public interface Prices {

    Map<Sku, CatalogPrice> current(Collection<Sku> skus);

    /**
     * Puts the product's SKUs on sale at {@code version}, and withdraws its other SKUs, unless a
     * newer version is already known for them.
     */
    void onSale(String productId, long version, List<CatalogPrice> prices);

    /** Withdraws every SKU of the product unless a newer version is known for it. */
    void withdrawn(String productId, long version);
}
