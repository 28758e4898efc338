package io.polyshop.catalog.domain;

/** A product is prepared as a draft, shown to shoppers once active, and withdrawn by archiving. */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED
}
