package io.polyshop.cart.adapter.out.redis;

import io.polyshop.cart.application.port.out.Carts;
import io.polyshop.cart.application.port.out.Carts.Refusal;
import io.polyshop.cart.domain.Cart;
import io.polyshop.cart.domain.CartLimits;
import io.polyshop.cart.domain.CartLine;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.Money;
import io.polyshop.cart.domain.Sku;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Carts as Redis hashes, one per cart: {@code q:<sku>} quantity, {@code p:<sku>} unit price when
 * added, {@code o:<sku>} position, plus the line count and the cart's currency. Every change is a
 * Lua script, so concurrent requests on one cart apply one after the other and none is lost.
 * A cart's keys share a hash tag, so they stay in one slot on a Redis Cluster.
 */
public class RedisCarts implements Carts {

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisCarts(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    static String key(CartOwner owner) {
        return switch (owner) {
            case CartOwner.Customer customer -> "cart:{c:" + customer.customerId() + "}";
            case CartOwner.Anonymous anonymous -> "cart:{a:" + anonymous.token().value() + "}";
        };
    }

    @Override
    public Optional<Cart> find(CartOwner owner, Duration ttl) {
        List<Object> fields = redis.execute(CartScripts.READ, List.of(key(owner)), millis(ttl));
        if ((fields == null || fields.isEmpty()) && owner instanceof CartOwner.Anonymous) {
            return Optional.empty();
        }
        return Optional.of(toCart(owner, fields == null ? List.of() : fields, ttl));
    }

    @Override
    public Cart create(CartOwner.Anonymous owner, Duration ttl) {
        redis.execute(CartScripts.CREATE, List.of(key(owner)), millis(ttl));
        return new Cart(owner, List.of(), clock.instant().plus(ttl));
    }

    @Override
    public Change add(CartOwner owner, CartLine line, CartLimits limits, Duration ttl) {
        return change(
                owner,
                redis.execute(
                        CartScripts.ADD,
                        List.of(key(owner)),
                        line.sku().value(),
                        Integer.toString(line.quantity()),
                        line.priceWhenAdded().amount().toPlainString(),
                        line.priceWhenAdded().currency(),
                        Integer.toString(limits.maxLines()),
                        Integer.toString(limits.maxQuantity()),
                        millis(ttl),
                        owner instanceof CartOwner.Anonymous ? "1" : "0"),
                ttl);
    }

    @Override
    public Change setQuantity(CartOwner owner, Sku sku, int quantity, Duration ttl) {
        return change(
                owner,
                redis.execute(
                        CartScripts.SET_QUANTITY,
                        List.of(key(owner)),
                        sku.value(),
                        Integer.toString(quantity),
                        millis(ttl)),
                ttl);
    }

    @Override
    public Change remove(CartOwner owner, Sku sku, Duration ttl) {
        return change(owner, redis.execute(CartScripts.REMOVE, List.of(key(owner)), sku.value(), millis(ttl)), ttl);
    }

    @Override
    public Optional<List<String>> merge(
            CartOwner.Anonymous from, CartOwner.Customer into, CartLimits limits, Duration ttl) {
        List<Object> outcome = redis.execute(
                CartScripts.MERGE,
                List.of(key(from), key(into)),
                Integer.toString(limits.maxLines()),
                Integer.toString(limits.maxQuantity()),
                millis(ttl));
        if (outcome == null || outcome.isEmpty() || !"DONE".equals(outcome.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(outcome.subList(1, outcome.size()).stream()
                .map(Object::toString)
                .toList());
    }

    @Override
    public boolean letGo(CartOwner.Customer owner, String orderId, Map<Sku, Integer> ordered, Duration ttl) {
        List<String> arguments = new ArrayList<>();
        arguments.add(orderId);
        arguments.add(millis(ttl));
        ordered.forEach((sku, quantity) -> {
            arguments.add(sku.value());
            arguments.add(Integer.toString(quantity));
        });
        String cart = key(owner);
        return "DONE"
                .equals(redis.execute(
                        CartScripts.LET_GO, List.of(cart, cart + ":orders"), arguments.toArray(Object[]::new)));
    }

    private Cart toCart(CartOwner owner, List<Object> flat, Duration ttl) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i).toString(), flat.get(i + 1).toString());
        }
        String currency = fields.get("currency");
        List<CartLine> lines = fields.keySet().stream()
                .filter(field -> field.startsWith("q:"))
                .map(field -> field.substring(2))
                .sorted(Comparator.comparingLong(sku -> Long.parseLong(fields.get("o:" + sku))))
                .map(sku -> new CartLine(
                        new Sku(sku),
                        Integer.parseInt(fields.get("q:" + sku)),
                        new Money(new BigDecimal(fields.get("p:" + sku)), currency)))
                .toList();
        return new Cart(owner, lines, clock.instant().plus(ttl));
    }

    private Change change(CartOwner owner, List<Object> outcome, Duration ttl) {
        if (outcome == null || outcome.isEmpty()) {
            throw new IllegalStateException("a cart script answered nothing");
        }
        String status = outcome.getFirst().toString();
        return "DONE".equals(status)
                ? new Change.Done(toCart(owner, outcome.subList(1, outcome.size()), ttl))
                : new Change.Refused(Refusal.valueOf(status));
    }

    private static String millis(Duration ttl) {
        return Long.toString(ttl.toMillis());
    }
}
