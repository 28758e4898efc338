package io.polyshop.inventory.domain;

import io.polyshop.commerce.api.CommerceRules;

/** A stock-keeping unit as the catalog writes it: upper-case letters, digits and dashes. */
public record Sku(String value) {

    public Sku {
        if (!CommerceRules.isSku(value)) {
            throw new InvalidStockRequestException("sku", CommerceRules.SKU_RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
