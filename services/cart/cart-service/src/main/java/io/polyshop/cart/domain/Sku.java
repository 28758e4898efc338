package io.polyshop.cart.domain;

import io.polyshop.commerce.api.CommerceRules;

/** A product's or variant's stock-keeping unit, as catalog writes it. */
public record Sku(String value) {

    public Sku {
        if (!CommerceRules.isSku(value)) {
            throw new InvalidCartRequestException("sku", CommerceRules.SKU_RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
