package io.polyshop.cart.adapter.out.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that change carts and prices atomically inside Redis, from {@code scripts/}. Each
 * is read once: a script made from a resource asks the jar for the file's modification time on
 * every call (4 % of a cart request's CPU, measured with ./polyshop bench cart).
 */
final class CartScripts {

    static final RedisScript<List<Object>> READ = list("cart-read");
    static final RedisScript<String> CREATE = status("cart-create");
    static final RedisScript<List<Object>> ADD = list("cart-add");
    static final RedisScript<List<Object>> SET_QUANTITY = list("cart-set-quantity");
    static final RedisScript<List<Object>> REMOVE = list("cart-remove");
    static final RedisScript<List<Object>> MERGE = list("cart-merge");
    static final RedisScript<String> LET_GO = status("cart-let-go");
    static final RedisScript<Long> VERSIONED_SET = number("versioned-set");
    static final RedisScript<Long> PRICE_WITHDRAW = number("price-withdraw");
    static final RedisScript<Long> QUOTA_TAKE = number("quota-take");

    private CartScripts() {}

    private static RedisScript<String> status(String name) {
        return RedisScript.of(text(name), String.class);
    }

    private static RedisScript<Long> number(String name) {
        return RedisScript.of(text(name), Long.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Object>> list(String name) {
        return (RedisScript) RedisScript.of(text(name), List.class);
    }

    private static String text(String name) {
        try {
            return new ClassPathResource("scripts/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the cart script " + name + ".lua is missing", e);
        }
    }
}
