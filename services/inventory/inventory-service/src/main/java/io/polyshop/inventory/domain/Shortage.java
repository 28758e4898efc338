package io.polyshop.inventory.domain;

/** A line that could not be held, and how much of its SKU was available when it was tried. */
public record Shortage(Sku sku, int requested, long available) {}
