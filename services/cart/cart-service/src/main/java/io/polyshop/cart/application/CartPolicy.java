package io.polyshop.cart.application;

import io.polyshop.cart.domain.CartLimits;
import io.polyshop.cart.domain.CartOwner;
import java.time.Duration;

/** Limits and lifetimes: customer carts live longer than anonymous ones; any use starts the clock again. */
public record CartPolicy(CartLimits limits, Duration customerTtl, Duration anonymousTtl) {

    public Duration ttlOf(CartOwner owner) {
        return owner instanceof CartOwner.Customer ? customerTtl : anonymousTtl;
    }
}
