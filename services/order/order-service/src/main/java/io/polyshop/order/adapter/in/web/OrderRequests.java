package io.polyshop.order.adapter.in.web;

import io.polyshop.commerce.api.CommerceRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What clients send to the order API. */
final class OrderRequests {

    private OrderRequests() {}

    /**
     * Place an order. {@code fromCart} says the lines are the customer's cart (with the unit
     * prices it showed); the cart lets go of them once the order is placed.
     */
    record PlaceOrderRequest(
            Boolean fromCart,

            @NotNull @Size(max = CommerceRules.MAX_LINES, message = CommerceRules.MAX_LINES_RULE) @Valid
            List<LineRequest> lines,

            @NotNull @Valid AddressRequest shippingAddress,
            @NotNull String paymentMethod,
            @Valid MoneyRequest expectedTotal) {}

    record LineRequest(@NotNull String sku, @NotNull Integer quantity, BigDecimal unitPrice) {}

    record AddressRequest(
            String recipient,
            String line1,
            @Schema(nullable = true) String line2,
            String city,
            String postalCode,
            String country) {}

    record MoneyRequest(@NotNull BigDecimal amount, @NotNull String currency) {}
}
