package io.polyshop.cart.domain;

import io.polyshop.commerce.api.CommerceRules;

/** How big a cart may grow: distinct lines, and units in one line; never more than an order takes. */
public record CartLimits(int maxLines, int maxQuantity) {

    public CartLimits {
        if (maxLines < 1 || maxLines > CommerceRules.MAX_LINES) {
            throw new IllegalArgumentException(
                    "a cart's line limit is 1 to " + CommerceRules.MAX_LINES + ", not " + maxLines);
        }
        if (maxQuantity < 1 || maxQuantity > CommerceRules.MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "a cart's quantity limit is 1 to " + CommerceRules.MAX_QUANTITY + ", not " + maxQuantity);
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
