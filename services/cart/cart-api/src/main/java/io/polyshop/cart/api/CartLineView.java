package io.polyshop.cart.api;

import java.math.BigDecimal;

/**
 * @param currentUnitPrice the price catalog asks now; equal to {@code unitPriceWhenAdded} unless it changed
 * @param available false once the product (or this variant) is no longer sold
 * @param lineTotal quantity times the current price; zero for an unavailable line
 */
public record CartLineView(
        String sku,
        String productId,
        String name,
        int quantity,
        BigDecimal unitPriceWhenAdded,
        BigDecimal currentUnitPrice,
        boolean priceChanged,
        boolean available,
        BigDecimal lineTotal) {}
