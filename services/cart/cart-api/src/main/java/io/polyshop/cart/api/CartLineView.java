package io.polyshop.cart.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * @param currentUnitPrice the price catalog asks now; equal to {@code unitPriceWhenAdded} unless it changed
 * @param available false once the product (or this variant) is no longer sold
 * @param lineTotal quantity times the current price; zero for an unavailable line
 */
public record CartLineView(
        String sku,
        @Schema(nullable = true) String productId,
        @Schema(nullable = true) String name,
        int quantity,
        BigDecimal unitPriceWhenAdded,
        BigDecimal currentUnitPrice,
        boolean priceChanged,
        boolean available,
        BigDecimal lineTotal) {}
