package io.polyshop.payment.domain;

/** A payment command or request that breaks payment's rules; nothing was changed. */
public class InvalidPaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidPaymentException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
