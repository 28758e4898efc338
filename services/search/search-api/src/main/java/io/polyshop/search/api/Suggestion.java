package io.polyshop.search.api;

import java.util.UUID;

/** A product whose name completes what the shopper is typing. */
public record Suggestion(UUID productId, String name, String slug) {}
