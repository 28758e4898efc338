package io.polyshop.order.adapter.out.postgres;

import io.polyshop.order.application.CatalogPrice;
import io.polyshop.order.application.port.out.Prices;
import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Sku;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The price read model in PostgreSQL; each SKU keeps the newest catalog version it saw. */
public class JdbcPrices implements Prices {

    private final JdbcClient jdbc;

    public JdbcPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Sku, CatalogPrice> current(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select sku, product_id, name, amount, currency, purchasable from product_price"
                        + " where sku in (:skus)")
                .param("skus", skus.stream().map(Sku::value).toList())
                .query((row, number) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new CatalogPrice(
                            new Sku(row.getString("sku")),
                            row.getString("product_id"),
                            row.getString("name"),
                            new Money(row.getBigDecimal("amount"), currency),
                            row.getBoolean("purchasable"));
                })
                .list()
                .stream()
                .collect(Collectors.toMap(CatalogPrice::sku, Function.identity()));
    }

    @Override
    public void onSale(String productId, long version, List<CatalogPrice> prices) {
        for (CatalogPrice price : prices) {
            jdbc.sql("""
                            insert into product_price (sku, product_id, name, amount, currency, purchasable, version)
                            values (:sku, :productId, :name, :amount, :currency, true, :version)
                            on conflict (sku) do update
                               set product_id = excluded.product_id, name = excluded.name, amount = excluded.amount,
                                   currency = excluded.currency, purchasable = true, version = excluded.version
                             where product_price.version < excluded.version
                            """)
                    .param("sku", price.sku().value())
                    .param("productId", productId)
                    .param("name", price.name())
                    .param("amount", price.price().amount())
                    .param("currency", price.price().currency().getCurrencyCode())
                    .param("version", version)
                    .update();
        }
        jdbc.sql("""
                        update product_price set purchasable = false, version = :version
                         where product_id = :productId and version < :version and sku not in (:skus)
                        """)
                .param("productId", productId)
                .param("version", version)
                .param("skus", prices.stream().map(price -> price.sku().value()).toList())
                .update();
    }

    @Override
    public void withdrawn(String productId, long version) {
        jdbc.sql("""
                        update product_price set purchasable = false, version = :version
                         where product_id = :productId and version < :version
                        """).param("productId", productId).param("version", version).update();
    }
}
