package io.polyshop.cart.application;

import java.time.Duration;

/** A client started as many anonymous carts as it may for now. */
public class TooManyCartsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyCartsException(Duration retryAfter) {
        super("Too many new carts from your address; try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
