package io.polyshop.cart.domain;

/**
 * What the cart knows about a SKU from catalog's events: its product, name and current price,
 * whether it can be bought, and the catalog version this came from.
 */
public record ProductPrice(Sku sku, String productId, String name, Money price, boolean purchasable, long version) {}
