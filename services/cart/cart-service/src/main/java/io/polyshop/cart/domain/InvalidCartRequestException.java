package io.polyshop.cart.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** Input that is malformed or out of range; the cart was not changed. */
public class InvalidCartRequestException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidCartRequestException(String field, String message) {
        super(field, message);
    }
}
