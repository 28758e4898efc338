package io.polyshop.order.domain;

/** A malformed order request (a field out of shape); nothing was changed. */
public class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidOrderException(String field, String message) {
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
