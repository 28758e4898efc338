package io.polyshop.catalog.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A product was withdrawn: it can no longer be found or bought, under any of its SKUs. */
public record ProductArchived(UUID productId, long version, String sku, List<String> variantSkus, Instant archivedAt) {

    /** Every SKU the product had, its own first. */
    public List<String> skus() {
        List<String> skus = new ArrayList<>();
        skus.add(sku);
        skus.addAll(variantSkus);
        return List.copyOf(skus);
    }
}
