package io.polyshop.cart.application.port.out;

import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The cart's own read model of catalog prices, fed by catalog events. */
public interface Prices {

    Map<Sku, ProductPrice> find(Collection<Sku> skus);

    /** Stores {@code price} unless a newer catalog version of that SKU is stored already. */
    void put(ProductPrice price);

    /** Marks the SKU as not for sale as of {@code version}, unless a newer version is stored. */
    void withdraw(Sku sku, long version);

    /** The newest catalog version seen of a product, or -1. */
    long versionOf(String productId);

    /** The SKUs a product had in the newest version seen, to notice variants that went away. */
    List<Sku> skusOf(String productId);

    void rememberSkus(String productId, long version, List<Sku> skus);
}
