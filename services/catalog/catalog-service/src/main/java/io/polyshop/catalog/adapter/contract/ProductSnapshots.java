package io.polyshop.catalog.adapter.contract;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.catalog.application.ProductListing;
import io.polyshop.catalog.application.port.out.CatalogNews;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Variant;
import java.net.URI;

/**
 * Products in catalog's published contract: as the API answers them (web) and as its events carry
 * them (written with the product by the store adapter).
 */
public final class ProductSnapshots {

    /** An event in the contract: its CloudEvents type and payload. */
    public record ContractEvent(String type, Object payload) {}

    private ProductSnapshots() {}

    public static ProductSnapshot of(ProductListing listing) {
        Product product = listing.product();
        ProductDetails details = product.details();
        return new ProductSnapshot(
                product.id().value(),
                product.version(),
                details.sku().value(),
                details.slug().value(),
                details.name(),
                details.description(),
                new ProductSnapshot.Brand(details.brand().value(), listing.brandName()),
                new ProductSnapshot.Category(
                        details.category().value(), listing.categoryName(), listing.categoryPath()),
                price(details.price()),
                details.images().stream().map(URI::toString).toList(),
                details.attributes(),
                details.variants().stream().map(ProductSnapshots::variant).toList(),
                product.publishedAt(),
                product.updatedAt());
    }

    public static ContractEvent event(CatalogNews news) {
        return switch (news) {
            case CatalogNews.ProductPublished published ->
                new ContractEvent(CatalogEvents.PRODUCT_PUBLISHED, new ProductPublished(of(published.listing())));
            case CatalogNews.ProductUpdated updated ->
                new ContractEvent(CatalogEvents.PRODUCT_UPDATED, new ProductUpdated(of(updated.listing())));
            case CatalogNews.ProductArchived archived ->
                new ContractEvent(CatalogEvents.PRODUCT_ARCHIVED, archived(archived.product()));
        };
    }

    private static ProductArchived archived(Product product) {
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
