package io.polyshop.inventory.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** A stock request that breaks inventory's rules; nothing was changed. */
public class InvalidStockRequestException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidStockRequestException(String field, String message) {
        super(field, message);
    }
}
