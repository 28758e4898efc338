package io.polyshop.search.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** A search request that cannot be answered as asked; {@code field} names the parameter. */
public class InvalidQueryException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String field, String message) {
        super(field, message);
    }
}
