package io.polyshop.cart.domain;

import java.time.Instant;
import java.util.List;

/** The lines of one cart in the order they were first added, and when it expires unless used. */
public record Cart(CartOwner owner, List<CartLine> lines, Instant expiresAt) {

    public Cart {
        lines = List.copyOf(lines);
    }
}
