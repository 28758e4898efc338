package io.polyshop.catalog.application.port.out;

import io.polyshop.catalog.application.ProductListing;
import io.polyshop.catalog.domain.Product;

/** What readers outside catalog hear about a product, stored with the write that caused it. */
public sealed interface CatalogNews {

    record ProductPublished(ProductListing listing) implements CatalogNews {}

    record ProductUpdated(ProductListing listing) implements CatalogNews {}

    record ProductArchived(Product product) implements CatalogNews {}
}
