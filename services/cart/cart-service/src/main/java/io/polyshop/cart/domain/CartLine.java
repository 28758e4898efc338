package io.polyshop.cart.domain;

/** A SKU in a cart, its quantity, and the unit price it had when it was first added. */
public record CartLine(Sku sku, int quantity, Money priceWhenAdded) {}
