package io.polyshop.search.application.port.out;

import io.polyshop.search.domain.SearchableProduct;
import java.util.List;
import java.util.UUID;

/** The catalog's published products, page by page in id order: the source a rebuild reads. */
public interface CatalogSnapshots {

    List<SearchableProduct> after(UUID productId, int limit);
}
