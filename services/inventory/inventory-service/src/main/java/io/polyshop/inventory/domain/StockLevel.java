package io.polyshop.inventory.domain;

/** What is on the shelf, what of it is held for checkouts, and what is left to sell. */
public record StockLevel(Sku sku, long onHand, long reserved) {

    public StockLevel {
        if (reserved < 0 || onHand < reserved) {
            throw new IllegalStateException(
                    sku + " would hold " + reserved + " reserved of " + onHand + " on hand; stock is never oversold");
        }
    }

    public static StockLevel none(Sku sku) {
        return new StockLevel(sku, 0, 0);
    }

    public long available() {
        return onHand - reserved;
    }
}
