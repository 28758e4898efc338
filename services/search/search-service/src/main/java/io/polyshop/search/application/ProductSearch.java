package io.polyshop.search.application;

import io.polyshop.search.application.port.out.ProductIndex;
import io.polyshop.search.domain.InvalidQueryException;
import io.polyshop.search.domain.NameCompletion;
import io.polyshop.search.domain.ProductQuery;
import io.polyshop.search.domain.SearchPage;
import java.util.List;

/** Shoppers' queries: full-text search with filters and facets, and name completion. */
public class ProductSearch {

    public static final int MAX_SUGGESTIONS = 10;

    private final ProductIndex index;

    public ProductSearch(ProductIndex index) {
        this.index = index;
    }

    public SearchPage search(ProductQuery query) {
        return index.search(query);
    }

    public List<NameCompletion> suggest(String prefix, int size) {
        if (prefix == null || prefix.isBlank() || prefix.length() > 100) {
            throw new InvalidQueryException("q", "must be 1-100 characters");
        }
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SUGGESTIONS);
        }
        return index.suggest(prefix.strip(), size);
    }
}
