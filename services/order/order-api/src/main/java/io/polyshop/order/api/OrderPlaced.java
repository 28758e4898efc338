package io.polyshop.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's order went through: stock is taken and the payment captured. {@code fromCart} says
 * whether its lines came from the customer's cart, which then lets go of them; a checkout that is
 * rejected leaves the cart as it was.
 */
public record OrderPlaced(
        String orderId, String customerId, boolean fromCart, List<Line> lines, String currency, Instant placedAt) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {}
}
