package io.polyshop.search.adapter.in.web;

import io.polyshop.search.api.SearchResults;
import io.polyshop.search.api.Suggestion;
import io.polyshop.search.application.ProductSearch;
import io.polyshop.search.domain.InvalidQueryException;
import io.polyshop.search.domain.ProductQuery;
import io.polyshop.search.domain.SortOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous product search. Filters: {@code category} (with its descendants), {@code brand}
 * (repeatable), {@code minPrice}/{@code maxPrice}, {@code attr.<name>=<value>} (repeatable);
 * {@code sort} = relevance | price_asc | price_desc | newest; {@code page} from 0, {@code size} up to 100.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private static final String ATTRIBUTE = "attr.";

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    @GetMapping("/products")
    @Operation(
            summary = "Search products",
            description = "Full text with typo tolerance, filters and facets. Filter by an attribute with "
                    + "attr.<name>=<value>, repeated for several values, e.g. attr.ramGb=16&attr.ramGb=32.")
    SearchResults products(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) List<String> brand,
            @RequestParam(required = false) String minPrice,
            @RequestParam(required = false) String maxPrice,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String priceBand,
            // Read only for the attribute filters (attr.<name>=<value>), described on the operation.
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE)) {
                attributes.put(name.substring(ATTRIBUTE.length()), values);
            }
        });
        return SearchViews.results(search.search(new ProductQuery(
                q,
                category,
                brand,
                decimal("minPrice", minPrice),
                decimal("maxPrice", maxPrice),
                attributes,
                SortOrder.parse(sort),
                integer("page", page, 0),
                integer("size", size, 20),
                decimal("priceBand", priceBand))));
    }

    @GetMapping("/suggestions")
    List<Suggestion> suggestions(
            @RequestParam(required = false) String q, @RequestParam(required = false) String size) {
        return search.suggest(q, integer("size", size, 5)).stream()
                .map(SearchViews::suggestion)
                .toList();
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.abs().compareTo(new BigDecimal("1e12")) > 0 || number.scale() > 4) {
                throw new InvalidQueryException(field, "is out of range");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(field, "must be a number");
        }
    }

    private static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(field, "must be a whole number");
        }
    }
}
