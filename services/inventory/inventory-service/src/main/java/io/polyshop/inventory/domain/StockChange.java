package io.polyshop.inventory.domain;

/** Why an admin changed stock, and who: both go into the ledger. */
public record StockChange(String reason, String actor) {

    public static final int MAX_REASON = 200;

    public StockChange {
        if (reason == null || reason.isBlank()) {
            throw new InvalidStockRequestException("reason", "is required");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidStockRequestException("reason", "must be at most " + MAX_REASON + " characters");
        }
    }
}
