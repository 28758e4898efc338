package io.polyshop.search.domain;

/** A search request that cannot be answered as asked; {@code field} names the parameter. */
public class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
