package io.polyshop.order.domain;

import io.polyshop.commerce.api.CommerceRules;

/** A product's or a variant's stock-keeping unit. */
public record Sku(String value) {

    public Sku {
        if (!CommerceRules.isSku(value)) {
            throw new InvalidOrderException("sku", CommerceRules.SKU_RULE);
        }
    }
}
