package io.polyshop.catalog.api;

/** A product became visible to shoppers. */
public record ProductPublished(ProductSnapshot product) {}
