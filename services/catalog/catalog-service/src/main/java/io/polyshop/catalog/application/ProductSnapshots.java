package io.polyshop.catalog.application;

import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.CategoryPath;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Variant;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The product as catalog's published contract shows it, with its brand's name and its category's path. */
public final class ProductSnapshots {

    private final CategoryTree categories;
    private final Function<BrandId, Optional<Brand>> brands;

    public ProductSnapshots(CategoryTree categories, Function<BrandId, Optional<Brand>> brands) {
        this.categories = categories;
        this.brands = brands;
    }

    public ProductSnapshot of(Product product) {
        ProductDetails details = product.details();
        String brandName = brands.apply(details.brand())
                .map(Brand::name)
                .orElse(details.brand().value());
        Optional<CategoryPath> path = categories.path(details.category());
        return new ProductSnapshot(
                product.id().value(),
                product.version(),
                details.sku().value(),
                details.slug().value(),
                details.name(),
                details.description(),
                new ProductSnapshot.Brand(details.brand().value(), brandName),
                new ProductSnapshot.Category(
                        details.category().value(),
                        path.map(found -> found.category().name())
                                .orElse(details.category().value()),
                        path.map(found -> found.ids().stream()
                                        .map(CategoryId::value)
                                        .toList())
                                .orElse(List.of(details.category().value()))),
                price(details.price()),
                details.images().stream().map(URI::toString).toList(),
                details.attributes(),
                details.variants().stream().map(ProductSnapshots::variant).toList(),
                product.publishedAt(),
                product.updatedAt());
    }

    public static ProductArchived archived(Product product) {
        return new ProductArchived(
                product.id().value(),
                product.version(),
                product.details().sku().value(),
                product.details().variants().stream()
                        .map(Variant::sku)
                        .map(Sku::value)
                        .toList(),
                product.updatedAt());
    }

    private static ProductSnapshot.Variant variant(Variant variant) {
        return new ProductSnapshot.Variant(variant.sku().value(), variant.attributes(), price(variant.price()));
    }

    private static ProductSnapshot.Price price(Money money) {
        return new ProductSnapshot.Price(money.amount(), money.currency().getCurrencyCode());
    }
}
