package io.polyshop.search.domain;

import java.util.UUID;

/** A product whose name completes what the shopper is typing. */
public record NameCompletion(UUID productId, String name, String slug) {}
