package io.polyshop.cart.application;

import io.polyshop.cart.application.port.out.Prices;
import io.polyshop.cart.domain.Money;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductSnapshot;
import java.util.ArrayList;
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

    public void onSale(ProductSnapshot product) {
        String productId = product.productId().toString();
        // One product's events arrive in order on one partition; this drops repeats and replays whole.
        if (prices.versionOf(productId) >= product.version()) {
            return;
        }
        List<Sku> skus = new ArrayList<>();
        skus.add(new Sku(product.sku()));
        prices.put(price(product, product.sku(), product.price()));
        for (ProductSnapshot.Variant variant : product.variants()) {
            skus.add(new Sku(variant.sku()));
            prices.put(price(product, variant.sku(), variant.price() == null ? product.price() : variant.price()));
        }
        Set<Sku> current = new HashSet<>(skus);
        for (Sku previous : prices.skusOf(productId)) {
            if (!current.contains(previous)) {
                prices.withdraw(previous, product.version());
            }
        }
        prices.rememberSkus(productId, product.version(), skus);
    }

    public void withdrawn(ProductArchived archived) {
        prices.withdraw(new Sku(archived.sku()), archived.version());
        for (String variant : archived.variantSkus()) {
            prices.withdraw(new Sku(variant), archived.version());
        }
    }

    private static ProductPrice price(ProductSnapshot product, String sku, ProductSnapshot.Price price) {
        return new ProductPrice(
                new Sku(sku),
                product.productId().toString(),
                product.name(),
                new Money(price.amount(), price.currency()),
                true,
                product.version());
    }
}
