package io.polyshop.payment.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** A payment command or request that breaks payment's rules; nothing was changed. */
public class InvalidPaymentException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidPaymentException(String field, String message) {
        super(field, message);
    }
}
