package io.polyshop.cart.application;

import io.polyshop.cart.application.port.out.Prices;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the cart's price read model in step with catalog: every SKU of a product (the product's
 * own and each variant's) with its current price, and SKUs that went away marked as not for sale.
 * Each SKU keeps the newest catalog version it saw, so a repeated or late event changes nothing.
 */
public class CatalogPriceFeed {

    private final Prices prices;

    public CatalogPriceFeed(Prices prices) {
        this.prices = prices;
    }

    /** The product at {@code version} sells its SKUs at {@code skuPrices}, and no others. */
    public void onSale(String productId, long version, List<ProductPrice> skuPrices) {
        // One product's events arrive in order on one partition; this drops repeats and replays whole.
        if (prices.versionOf(productId) >= version) {
            return;
        }
        skuPrices.forEach(prices::put);
        List<Sku> skus = skuPrices.stream().map(ProductPrice::sku).toList();
        Set<Sku> current = new HashSet<>(skus);
        for (Sku previous : prices.skusOf(productId)) {
            if (!current.contains(previous)) {
                prices.withdraw(previous, version);
            }
        }
        prices.rememberSkus(productId, version, skus);
    }

    /** None of {@code skus} is for sale any more, as of {@code version}. */
    public void withdrawn(List<Sku> skus, long version) {
        skus.forEach(sku -> prices.withdraw(sku, version));
    }
}
