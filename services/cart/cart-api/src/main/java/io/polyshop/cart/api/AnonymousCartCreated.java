package io.polyshop.cart.api;

import java.time.Instant;

/** The token is the only key to an anonymous cart: send it as {@code X-Cart-Token}. */
public record AnonymousCartCreated(String cartToken, Instant expiresAt) {}
