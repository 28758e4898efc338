package io.polyshop.search.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Counts that let a shopper narrow a search: by brand, category, attribute value and price band. */
public record Facets(
        List<Count> brands, List<Count> categories, Map<String, List<Count>> attributes, List<PriceBand> prices) {

    /** {@code value} is what to filter by, {@code label} what to show. */
    public record Count(String value, String label, long count) {}

    /** Products priced from {@code from} (inclusive) to {@code to} (exclusive). */
    public record PriceBand(BigDecimal from, BigDecimal to, long count) {}
}
