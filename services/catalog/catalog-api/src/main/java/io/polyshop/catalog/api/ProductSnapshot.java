package io.polyshop.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product as readers outside catalog see it: what search indexes and what carts and orders keep
 * prices from. {@code version} grows with every change, so a reader can drop a snapshot older than
 * the one it holds.
 */
public record ProductSnapshot(
        UUID productId,
        long version,
        String sku,
        String slug,
        String name,
        String description,
        Brand brand,
        Category category,
        Price price,
        List<String> images,
        Map<String, Object> attributes,
        List<Variant> variants,
        Instant publishedAt,
        Instant updatedAt) {

    public record Brand(String id, String name) {}

    /** {@code path} lists the category's ancestors from the root down, ending with the category itself. */
    public record Category(String id, String name, List<String> path) {}

    /** An exact amount in an ISO-4217 currency. */
    public record Price(BigDecimal amount, String currency) {}

    public record Variant(String sku, Map<String, Object> attributes, Price price) {}

    /** One SKU of the product and the price it sells at. */
    public record SkuPrice(String sku, Price price) {}

    /**
     * Every SKU of the product, its own first, each at the price it sells at: a variant without a
     * price of its own sells at the product's. Readers keeping prices take them from here.
     */
    public List<SkuPrice> skuPrices() {
        List<SkuPrice> prices = new ArrayList<>();
        prices.add(new SkuPrice(sku, price));
        for (Variant variant : variants) {
            prices.add(new SkuPrice(variant.sku(), variant.price() == null ? price : variant.price()));
        }
        return List.copyOf(prices);
    }
}
