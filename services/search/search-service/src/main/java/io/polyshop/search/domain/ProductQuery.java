package io.polyshop.search.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shopper's search: free text, filters, order and page. The constructor refuses what the index
 * cannot answer sensibly (absurd pages, unknown sorts, malformed ids), so every query that reaches
 * the store is well-formed.
 */
public record ProductQuery(
        String text,
        String categoryId,
        List<String> brandIds,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Map<String, List<String>> attributes,
        SortOrder sort,
        int page,
        int size,
        BigDecimal priceBand) {

    public static final int MAX_SIZE = 100;
    /** How deep a shopper may page: the index answers at most this many hits per query. */
    public static final int MAX_WINDOW = 10_000;

    public static final int MAX_TEXT = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");

    public ProductQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        brandIds = brandIds == null ? List.of() : List.copyOf(brandIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        priceBand = priceBand == null ? new BigDecimal("100") : priceBand;
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidQueryException("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (categoryId != null && !ID.matcher(categoryId).matches()) {
            throw new InvalidQueryException("category", "must be a category id");
        }
        if (brandIds.size() > 20
                || brandIds.stream().anyMatch(id -> !ID.matcher(id).matches())) {
            throw new InvalidQueryException("brand", "must be up to 20 brand ids");
        }
        if (minPrice != null && minPrice.signum() < 0) {
            throw new InvalidQueryException("minPrice", "must not be negative");
        }
        if (maxPrice != null && minPrice != null && maxPrice.compareTo(minPrice) < 0) {
            throw new InvalidQueryException("maxPrice", "must not be below minPrice");
        }
        if (attributes.size() > 10
                || attributes.keySet().stream()
                        .anyMatch(name -> !ATTRIBUTE.matcher(name).matches())) {
            throw new InvalidQueryException("attr", "must be up to 10 attribute names such as attr.ramGb");
        }
        if (attributes.values().stream()
                .anyMatch(values -> values.size() > 20
                        || values.stream().anyMatch(value -> value.isBlank() || value.length() > 200))) {
            throw new InvalidQueryException("attr", "values must be 1-200 characters, up to 20 per attribute");
        }
        if (sort == SortOrder.RELEVANCE && text == null) {
            sort = SortOrder.NEWEST;
        }
        if (page < 0) {
            throw new InvalidQueryException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new InvalidQueryException(
                    "page", "reaches past the first " + MAX_WINDOW + " hits; narrow the search");
        }
        if (priceBand.signum() <= 0) {
            throw new InvalidQueryException("priceBand", "must be positive");
        }
    }
}
