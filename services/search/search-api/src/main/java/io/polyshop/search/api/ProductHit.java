package io.polyshop.search.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A matching product as a result list shows it. {@code highlights} maps a field ({@code name},
 * {@code description}) to snippets in which the matched words are wrapped in {@code <em>}; the
 * rest of each snippet is HTML-escaped.
 */
public record ProductHit(
        UUID productId,
        String sku,
        String slug,
        String name,
        String brand,
        String category,
        BigDecimal price,
        String currency,
        String image,
        Map<String, List<String>> highlights) {}
