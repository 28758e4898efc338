package io.polyshop.cart.adapter.out.redis;

import io.polyshop.cart.application.port.out.Prices;
import io.polyshop.cart.domain.Money;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The price read model: a hash per SKU ({@code price:<sku>}) with product id, name, amount,
 * currency, whether it is for sale and the catalog version it came from; and per product the SKUs
 * it had ({@code product:<id>}). Writes go through a script that keeps the newer version.
 */
public class RedisPrices implements Prices {

    private final StringRedisTemplate redis;

    public RedisPrices(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(Sku sku) {
        return "price:" + sku.value();
    }

    @Override
    public Map<Sku, ProductPrice> find(Collection<Sku> skus) {
        List<Sku> wanted = List.copyOf(skus);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Object> hashes = redis.executePipelined(new SessionCallback<>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object execute(RedisOperations operations) {
                for (Sku sku : wanted) {
                    operations.opsForHash().entries(key(sku));
                }
                return null;
            }
        });
        Map<Sku, ProductPrice> found = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> hash = (Map<Object, Object>) hashes.get(i);
            // A withdrawal can arrive before the product was ever seen: such a stub has no price.
            if (hash != null && hash.containsKey("amount")) {
                found.put(
                        wanted.get(i),
                        new ProductPrice(
                                wanted.get(i),
                                (String) hash.get("productId"),
                                (String) hash.get("name"),
                                new Money(new BigDecimal((String) hash.get("amount")), (String) hash.get("currency")),
                                "1".equals(hash.get("purchasable")),
                                Long.parseLong((String) hash.get("version"))));
            }
        }
        return found;
    }

    @Override
    public void put(ProductPrice price) {
        versionedPut(
                key(price.sku()),
                price.version(),
                "productId",
                price.productId(),
                "name",
                price.name(),
                "amount",
                price.price().amount().toPlainString(),
                "currency",
                price.price().currency(),
                "purchasable",
                price.purchasable() ? "1" : "0");
    }

    @Override
    public void withdraw(Sku sku, long version) {
        versionedPut(key(sku), version, "purchasable", "0");
    }

    @Override
    public long versionOf(String productId) {
        Object version = redis.opsForHash().get("product:" + productId, "version");
        return version == null ? -1 : Long.parseLong(version.toString());
    }

    @Override
    public List<Sku> skusOf(String productId) {
        Object skus = redis.opsForHash().get("product:" + productId, "skus");
        if (skus == null || skus.toString().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(skus.toString().split(",")).map(Sku::new).toList();
    }

    @Override
    public void rememberSkus(String productId, long version, List<Sku> skus) {
        versionedPut(
                "product:" + productId,
                version,
                "skus",
                String.join(",", skus.stream().map(Sku::value).toList()));
    }

    private void versionedPut(String key, long version, String... fieldsAndValues) {
        List<String> arguments = new ArrayList<>(fieldsAndValues.length + 1);
        arguments.add(Long.toString(version));
        arguments.addAll(List.of(fieldsAndValues));
        redis.execute(CartScripts.VERSIONED_PUT, List.of(key), arguments.toArray(Object[]::new));
    }
}
