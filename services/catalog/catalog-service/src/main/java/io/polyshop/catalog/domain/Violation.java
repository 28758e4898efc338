package io.polyshop.catalog.domain;

/** One thing wrong with a product or category: which field, and why. */
public record Violation(String field, String message) {}
