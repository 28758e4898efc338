package io.polyshop.cart.adapter.out.redis;

import io.polyshop.cart.application.port.out.Prices;
import io.polyshop.cart.domain.Money;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The price read model: one string per SKU, {@code price:<sku>} = version, for sale (1/0), amount,
 * currency, product id and name, tab-separated, so a whole cart's prices are one {@code MGET}; and
 * per product the SKUs it had, {@code product:<id>} = version and the SKUs. Writes go through
 * scripts that keep the newer catalog version.
 */
public class RedisPrices implements Prices {

    private static final String SEPARATOR = "\t";

    private final StringRedisTemplate redis;

    public RedisPrices(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(Sku sku) {
        return "price:" + sku.value();
    }

    private static String productKey(String productId) {
        return "product:" + productId;
    }

    @Override
    public Map<Sku, ProductPrice> find(Collection<Sku> skus) {
        List<Sku> wanted = List.copyOf(skus);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<String> values = redis.opsForValue()
                .multiGet(wanted.stream().map(RedisPrices::key).toList());
        Map<Sku, ProductPrice> found = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            String value = values == null ? null : values.get(i);
            // A withdrawal can arrive before the product was ever seen: such an entry has no price.
            String[] fields = value == null ? new String[0] : value.split(SEPARATOR, 6);
            if (fields.length == 6) {
                found.put(
                        wanted.get(i),
                        new ProductPrice(
                                wanted.get(i),
                                fields[4],
                                fields[5],
                                new Money(new BigDecimal(fields[2]), fields[3]),
                                "1".equals(fields[1]),
                                Long.parseLong(fields[0])));
            }
        }
        return found;
    }

    @Override
    public void put(ProductPrice price) {
        versionedSet(
                key(price.sku()),
                price.version(),
                price.purchasable() ? "1" : "0",
                price.price().amount().toPlainString(),
                price.price().currency(),
                price.productId(),
                price.name());
    }

    @Override
    public void withdraw(Sku sku, long version) {
        redis.execute(CartScripts.PRICE_WITHDRAW, List.of(key(sku)), Long.toString(version));
    }

    @Override
    public long versionOf(String productId) {
        String value = redis.opsForValue().get(productKey(productId));
        return value == null ? -1 : Long.parseLong(value.split(SEPARATOR, 2)[0]);
    }

    @Override
    public List<Sku> skusOf(String productId) {
        String value = redis.opsForValue().get(productKey(productId));
        String[] fields = value == null ? new String[0] : value.split(SEPARATOR, 2);
        if (fields.length < 2 || fields[1].isEmpty()) {
            return List.of();
        }
        return Arrays.stream(fields[1].split(",")).map(Sku::new).toList();
    }

    @Override
    public void rememberSkus(String productId, long version, List<Sku> skus) {
        versionedSet(
                productKey(productId),
                version,
                String.join(",", skus.stream().map(Sku::value).toList()));
    }

    private void versionedSet(String key, long version, String... fields) {
        String value = version + SEPARATOR + String.join(SEPARATOR, fields);
        redis.execute(CartScripts.VERSIONED_SET, List.of(key), Long.toString(version), value);
    }
}
