package io.polyshop.catalog.domain;

import java.util.Map;
import java.util.Objects;

/** One purchasable form of a product (a size, a colour), with its own SKU, attributes and price. */
public record Variant(Sku sku, Map<String, Object> attributes, Money price) {

    public Variant {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
