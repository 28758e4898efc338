package io.polyshop.order.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** A malformed order request (a field out of shape); nothing was changed. */
public class InvalidOrderException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String field, String message) {
        super(field, message);
    }
}
