package io.polyshop.order.application;

import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Sku;

/** A SKU's current price as catalog last announced it, and whether it can be bought. */
public record CatalogPrice(Sku sku, String productId, String name, Money price, boolean purchasable) {}
