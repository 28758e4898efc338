package io.polyshop.order.domain;

import io.polyshop.commerce.api.CommerceRules;

/** So many units of one SKU at the price the order was placed at. */
public record OrderLine(Sku sku, String productId, String name, int quantity, Money unitPrice) {

    public OrderLine {
        if (!CommerceRules.isQuantity(quantity)) {
            throw new InvalidOrderException("quantity", CommerceRules.QUANTITY_RULE);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
