package io.polyshop.inventory.domain;

/** A quantity of one SKU in a reservation. */
public record StockLine(Sku sku, int quantity) {

    /** More than this in one line is a typo or an attack, not an order. */
    public static final int MAX_QUANTITY = 10_000;

    public StockLine {
        if (sku == null) {
            throw new InvalidStockRequestException("sku", "is required");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidStockRequestException("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
    }
}
