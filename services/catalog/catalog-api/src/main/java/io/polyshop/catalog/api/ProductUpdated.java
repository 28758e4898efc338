package io.polyshop.catalog.api;

/** A visible product changed (name, price, attributes, ...); the snapshot is the whole new state. */
public record ProductUpdated(ProductSnapshot product) {}
