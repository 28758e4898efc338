package io.polyshop.search.application;

import io.polyshop.search.application.port.out.ProductIndex;
import io.polyshop.search.domain.ProductChange;
import java.util.List;

/**
 * Keeps the index in step with the catalog's events. Delivery is at least once and may reorder
 * across redeliveries; the index's version check makes applying a change twice, or an older change
 * after a newer one, harmless, so no separate inbox is needed.
 */
public class CatalogIndexing {

    private final ProductIndex index;

    public CatalogIndexing(ProductIndex index) {
        this.index = index;
    }

    public int apply(List<ProductChange> changes) {
        return changes.isEmpty() ? 0 : index.apply(changes);
    }
}
