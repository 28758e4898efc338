package io.polyshop.search.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A product as the index holds it: what shoppers search, filter, sort and facet on. */
public record SearchableProduct(
        UUID productId,
        long version,
        String sku,
        List<String> skus,
        String slug,
        String name,
        String description,
        String brandId,
        String brandName,
        String categoryId,
        String categoryName,
        List<String> categoryPath,
        BigDecimal price,
        String currency,
        String image,
        Map<String, String> attributes,
        Instant publishedAt) {

    public SearchableProduct {
        Objects.requireNonNull(productId, "productId");
        skus = skus == null ? List.of() : List.copyOf(skus);
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (version < 1) {
            throw new IllegalArgumentException("a product version starts at 1");
        }
    }
}
