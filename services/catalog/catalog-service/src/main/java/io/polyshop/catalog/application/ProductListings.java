package io.polyshop.catalog.application;

import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.CategoryPath;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Lists products with their brand's name and their category's path, as one unit of work sees them. */
public final class ProductListings {

    private final CategoryTree categories;
    private final Function<BrandId, Optional<Brand>> brands;

    public ProductListings(CategoryTree categories, Function<BrandId, Optional<Brand>> brands) {
        this.categories = categories;
        this.brands = brands;
    }

    public ProductListing of(Product product) {
        ProductDetails details = product.details();
        String brandName = brands.apply(details.brand())
                .map(Brand::name)
                .orElse(details.brand().value());
        Optional<CategoryPath> path = categories.path(details.category());
        return new ProductListing(
                product,
                brandName,
                path.map(found -> found.category().name())
                        .orElse(details.category().value()),
                path.map(found -> found.ids().stream().map(CategoryId::value).toList())
                        .orElse(List.of(details.category().value())));
    }
}
