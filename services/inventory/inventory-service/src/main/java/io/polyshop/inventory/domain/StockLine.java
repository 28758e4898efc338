package io.polyshop.inventory.domain;

import io.polyshop.commerce.api.CommerceRules;

/** A quantity of one SKU in a reservation. */
public record StockLine(Sku sku, int quantity) {

    public StockLine {
        if (sku == null) {
            throw new InvalidStockRequestException("sku", "is required");
        }
        if (!CommerceRules.isQuantity(quantity)) {
            throw new InvalidStockRequestException("quantity", CommerceRules.QUANTITY_RULE);
        }
    }
}
