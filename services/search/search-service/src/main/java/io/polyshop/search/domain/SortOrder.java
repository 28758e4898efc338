package io.polyshop.search.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum SortOrder {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST;

    /** The order for a request parameter such as {@code price_asc}. */
    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        return Arrays.stream(values())
                .filter(order -> order.parameter().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidQueryException("sort", "must be one of " + choices()));
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String choices() {
        return Arrays.stream(values()).map(SortOrder::parameter).collect(Collectors.joining(", "));
    }
}
