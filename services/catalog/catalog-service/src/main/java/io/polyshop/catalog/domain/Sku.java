package io.polyshop.catalog.domain;

import io.polyshop.commerce.api.CommerceRules;

/** A stock-keeping unit: upper-case letters, digits and dashes, as warehouses print them. */
public record Sku(String value) {

    public Sku {
        if (!CommerceRules.isSku(value)) {
            throw InvalidCatalogEntryException.of("sku", CommerceRules.SKU_RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
