package io.polyshop.inventory.api;

/** A SKU's available stock fell under the configured threshold; sent once per fall. */
public record StockLow(String sku, long available, long threshold) {}
