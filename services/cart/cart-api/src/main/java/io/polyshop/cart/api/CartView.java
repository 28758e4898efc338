package io.polyshop.cart.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A cart priced now: each line shows the price it was added at and the current one. The subtotal
 * counts available lines at current prices. {@code hasChanges} is true when any line's price
 * changed or its product can no longer be bought; {@code notices} explains what a merge adjusted.
 *
 * @param cartId set for a customer's cart (what an order refers to), absent for an anonymous one
 */
public record CartView(
        @Schema(nullable = true) String cartId,
        List<CartLineView> lines,
        int itemCount,
        BigDecimal subtotal,
        @Schema(nullable = true) String currency,
        boolean hasChanges,
        List<String> notices,
        Instant expiresAt) {}
