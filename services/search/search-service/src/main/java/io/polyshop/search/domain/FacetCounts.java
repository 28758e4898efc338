package io.polyshop.search.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** How many matches each brand, category, attribute value and price band holds. */
public record FacetCounts(
        List<ValueCount> brands,
        List<ValueCount> categories,
        Map<String, List<ValueCount>> attributes,
        List<PriceBand> prices) {

    /** {@code value} is what to filter by, {@code label} what to show. */
    public record ValueCount(String value, String label, long count) {}

    /** Matches priced from {@code from} (inclusive) to {@code to} (exclusive). */
    public record PriceBand(BigDecimal from, BigDecimal to, long count) {}
}
