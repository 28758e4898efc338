package io.polyshop.cart.application;

/** No such cart, or not the caller's: the two look the same from outside. */
public class UnknownCartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCartException(String what) {
        super(what + " was not found");
    }
}
