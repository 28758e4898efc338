package io.polyshop.identity.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** An input breaks an account rule; nothing was changed. */
public class InvalidFieldException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String field, String message) {
        super(field, message);
    }
}
