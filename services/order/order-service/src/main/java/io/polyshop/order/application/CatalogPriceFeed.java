package io.polyshop.order.application;

import io.polyshop.order.application.port.out.Prices;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the order's price read model in step with catalog: every SKU of a product (its own and
 * each variant's) at its current price. Versions make repeated and late events harmless.
 */
public class CatalogPriceFeed {

    private final Prices prices;
    private final TransactionOperations transactions;

    public CatalogPriceFeed(Prices prices, TransactionOperations transactions) {
        this.prices = prices;
        this.transactions = transactions;
    }

    public void onSale(String productId, long version, List<CatalogPrice> skus) {
        transactions.executeWithoutResult(status -> prices.onSale(productId, version, skus));
    }

    public void withdrawn(String productId, long version) {
        transactions.executeWithoutResult(status -> prices.withdrawn(productId, version));
    }
}
