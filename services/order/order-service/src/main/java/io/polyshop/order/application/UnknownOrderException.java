package io.polyshop.order.application;

public class UnknownOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownOrderException(Object id) {
        super("no order " + id);
    }
}
