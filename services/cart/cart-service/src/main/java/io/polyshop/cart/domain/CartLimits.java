package io.polyshop.cart.domain;

/** How big a cart may grow: distinct lines, and units in one line. */
public record CartLimits(int maxLines, int maxQuantity) {

    public CartLimits {
        if (maxLines < 1 || maxQuantity < 1) {
            throw new IllegalArgumentException("cart limits are at least 1");
        }
    }

    /** A quantity a request may ask for: at least one, at most the line limit. */
    public int checkQuantity(Integer quantity) {
        if (quantity == null) {
            throw new InvalidCartRequestException("quantity", "is required");
        }
        if (quantity < 1 || quantity > maxQuantity) {
            throw new InvalidCartRequestException("quantity", "must be between 1 and " + maxQuantity);
        }
        return quantity;
    }
}
