package io.polyshop.order.application;

import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.ShippingAddress;
import io.polyshop.order.domain.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A customer's request to buy. Lines name SKUs and quantities; a line may carry the unit price the
 * customer saw (their cart's), which must still be the current one. {@code fromCart} tells the cart
 * to let go of the lines once the order is placed.
 */
public record PlaceOrder(
        String customerId,
        boolean fromCart,
        List<Line> lines,
        ShippingAddress address,
        String paymentMethod,
        Optional<Money> expectedTotal) {

    public record Line(Sku sku, int quantity, Optional<BigDecimal> seenUnitPrice) {}
}
