package io.polyshop.catalog.application;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.CatalogNews;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.ProductStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Editors' use cases: create a draft, revise it, publish it, archive it. Shoppers and other
 * services learn about a product only once it is published; from then on every change is announced
 * with the product's whole new state, in the same write that stores it.
 */
public class ProductAdministration {

    private final Products products;
    private final Categories categories;
    private final Brands brands;
    private final Clock clock;

    public ProductAdministration(Products products, Categories categories, Brands brands, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.brands = brands;
        this.clock = clock;
    }

    public Product create(ProductDraft draft) {
        CatalogView view = view();
        ProductDetails details = view.drafts().check(draft);
        return place(details, false, view.listings(), products.findBySkus(details.allSkus()));
    }

    public Product product(ProductId id) {
        return products.find(id).orElseThrow(() -> new UnknownProductException(id.toString()));
    }

    /** Replaces the product's details, provided it is still at {@code expectedVersion}. */
    public Product revise(ProductId id, long expectedVersion, ProductDraft draft) {
        CatalogView view = view();
        return revise(product(id), expectedVersion, view.drafts().check(draft), view.listings());
    }

    public Product publish(ProductId id, OptionalLong expectedVersion) {
        Product current = product(id);
        return publish(current, expectedVersion.orElse(current.version()), view().listings());
    }

    public Product archive(ProductId id, OptionalLong expectedVersion) {
        Product current = product(id);
        Product archived = current.archive(clock.instant());
        Optional<CatalogNews> news = current.publishedAt() == null
                ? Optional.empty()
                : Optional.of(new CatalogNews.ProductArchived(archived));
        products.save(archived, expectedVersion.orElse(current.version()), news);
        return archived;
    }

    CatalogView view() {
        return CatalogView.read(categories, brands);
    }

    /**
     * Stores a new product, as a draft or published at once (one write either way); {@code holders}
     * are the products already sold under any of its SKUs, which must be none.
     */
    Product place(ProductDetails details, boolean publish, ProductListings listings, List<Product> holders) {
        requireSkusFree(details, null, holders);
        Product product = Product.draft(ProductId.random(), details, clock.instant());
        if (!publish) {
            products.save(product, 0, Optional.empty());
            return product;
        }
        Product published = product.publish(clock.instant());
        products.save(published, 0, Optional.of(new CatalogNews.ProductPublished(listings.of(published))));
        return published;
    }

    Product revise(Product current, long expectedVersion, ProductDetails details, ProductListings listings) {
        requireSkusFree(details, current.id(), products.findBySkus(details.allSkus()));
        Product revised = current.revise(details, clock.instant());
        Optional<CatalogNews> news = revised.status() == ProductStatus.ACTIVE
                ? Optional.of(new CatalogNews.ProductUpdated(listings.of(revised)))
                : Optional.empty();
        products.save(revised, expectedVersion, news);
        return revised;
    }

    Product publish(Product current, long expectedVersion, ProductListings listings) {
        Product published = current.publish(clock.instant());
        products.save(
                published, expectedVersion, Optional.of(new CatalogNews.ProductPublished(listings.of(published))));
        return published;
    }

    /** A variant's SKU is a SKU like any other: no two products may be sold under the same one. */
    private static void requireSkusFree(ProductDetails details, ProductId owner, List<Product> holders) {
        holders.stream().filter(other -> !other.id().equals(owner)).findFirst().ifPresent(other -> {
            throw new DuplicateProductException(
                    "sku",
                    "Product " + other.id() + " is already sold under one of the SKUs " + details.allSkus() + ".");
        });
    }
}
