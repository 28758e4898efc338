package io.polyshop.catalog.application;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductUpdated;
import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.application.port.out.DuplicateProductException;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.catalog.application.port.out.Products.OutgoingEvent;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.ProductStatus;
import io.polyshop.catalog.domain.Sku;
import java.time.Clock;
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
        return create(view().drafts().check(draft));
    }

    public Product product(ProductId id) {
        return products.find(id).orElseThrow(() -> new UnknownProductException(id.toString()));
    }

    /** Replaces the product's details, provided it is still at {@code expectedVersion}. */
    public Product revise(ProductId id, long expectedVersion, ProductDraft draft) {
        CatalogView view = view();
        return revise(product(id), expectedVersion, view.drafts().check(draft), view.snapshots());
    }

    public Product publish(ProductId id, OptionalLong expectedVersion) {
        Product current = product(id);
        return publish(current, expectedVersion.orElse(current.version()), view().snapshots());
    }

    public Product archive(ProductId id, OptionalLong expectedVersion) {
        Product current = product(id);
        Product archived = current.archive(clock.instant());
        Optional<OutgoingEvent> event = current.publishedAt() == null
                ? Optional.empty()
                : Optional.of(new OutgoingEvent(CatalogEvents.PRODUCT_ARCHIVED, ProductSnapshots.archived(archived)));
        products.save(archived, expectedVersion.orElse(current.version()), event);
        return archived;
    }

    CatalogView view() {
        return CatalogView.read(categories, brands);
    }

    Product create(ProductDetails details) {
        requireSkusFree(details, null);
        Product product = Product.draft(ProductId.random(), details, clock.instant());
        products.save(product, 0, Optional.empty());
        return product;
    }

    Product revise(Product current, long expectedVersion, ProductDetails details, ProductSnapshots snapshots) {
        requireSkusFree(details, current.id());
        Product revised = current.revise(details, clock.instant());
        Optional<OutgoingEvent> event = revised.status() == ProductStatus.ACTIVE
                ? Optional.of(
                        new OutgoingEvent(CatalogEvents.PRODUCT_UPDATED, new ProductUpdated(snapshots.of(revised))))
                : Optional.empty();
        products.save(revised, expectedVersion, event);
        return revised;
    }

    Product publish(Product current, long expectedVersion, ProductSnapshots snapshots) {
        Product published = current.publish(clock.instant());
        products.save(
                published,
                expectedVersion,
                Optional.of(new OutgoingEvent(
                        CatalogEvents.PRODUCT_PUBLISHED, new ProductPublished(snapshots.of(published)))));
        return published;
    }

    /** A variant's SKU is a SKU like any other: no two products may be sold under the same one. */
    private void requireSkusFree(ProductDetails details, ProductId owner) {
        for (Sku sku : details.allSkus()) {
            products.findBySku(sku).filter(other -> !other.id().equals(owner)).ifPresent(other -> {
                throw new DuplicateProductException("sku", "SKU " + sku + " belongs to product " + other.id());
            });
        }
    }
}
