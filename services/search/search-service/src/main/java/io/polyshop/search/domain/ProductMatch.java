package io.polyshop.search.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product a query matched, as a result list shows it. {@code highlights} maps a field to
 * snippets in which the matched words are wrapped in {@code <em>} and the rest is HTML-escaped.
 */
public record ProductMatch(
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
