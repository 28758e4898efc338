package io.polyshop.inventory.api;

/** A quantity of one SKU (a product's or a variant's). */
public record StockLine(String sku, int quantity) {}
