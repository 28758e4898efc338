package io.polyshop.cart.adapter.out.redis;

import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts that change carts and prices atomically inside Redis, from {@code scripts/}. */
final class CartScripts {

    static final RedisScript<List<Object>> READ = list("cart-read");
    static final RedisScript<String> CREATE = status("cart-create");
    static final RedisScript<String> ADD = status("cart-add");
    static final RedisScript<String> SET_QUANTITY = status("cart-set-quantity");
    static final RedisScript<String> REMOVE = status("cart-remove");
    static final RedisScript<List<Object>> MERGE = list("cart-merge");
    static final RedisScript<String> LET_GO = status("cart-let-go");
    static final RedisScript<Long> VERSIONED_PUT =
            RedisScript.of(new ClassPathResource("scripts/versioned-put.lua"), Long.class);

    private CartScripts() {}

    private static RedisScript<String> status(String name) {
        return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Object>> list(String name) {
        return (RedisScript) RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), List.class);
    }
}
