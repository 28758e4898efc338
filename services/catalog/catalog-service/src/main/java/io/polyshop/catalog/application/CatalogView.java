package io.polyshop.catalog.application;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The category tree and brands as one unit of work sees them: read once, then used to check drafts
 * and to describe products. An import of many lines reads them once, not once per line.
 */
public record CatalogView(CategoryTree categories, Function<BrandId, Optional<Brand>> brands) {

    public static CatalogView read(Categories categories, Brands brands) {
        Map<BrandId, Optional<Brand>> known = new ConcurrentHashMap<>();
        return new CatalogView(new CategoryTree(categories.all()), id -> known.computeIfAbsent(id, brands::find));
    }

    public ProductDrafts drafts() {
        return new ProductDrafts(categories, brands);
    }

    public ProductListings listings() {
        return new ProductListings(categories, brands);
    }
}
