package io.polyshop.catalog.api;

/** Where catalog's events are published and the CloudEvents types they carry. */
public final class CatalogEvents {

    /** One topic for the product aggregate, keyed by product id. */
    public static final String TOPIC = "catalog.products";

    public static final String PRODUCT_PUBLISHED = "polyshop.catalog.product-published.v1";
    public static final String PRODUCT_UPDATED = "polyshop.catalog.product-updated.v1";
    public static final String PRODUCT_ARCHIVED = "polyshop.catalog.product-archived.v1";

    private CatalogEvents() {}
}
