package io.polyshop.order.domain;

/** So many units of one SKU at the price the order was placed at. */
public record OrderLine(Sku sku, String productId, String name, int quantity, Money unitPrice) {

    public static final int MAX_QUANTITY = 999;

    public OrderLine {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidOrderException("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
