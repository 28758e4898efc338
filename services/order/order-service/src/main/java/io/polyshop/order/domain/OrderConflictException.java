package io.polyshop.order.domain;

/** The order is past the point where the request makes sense (e.g. cancelling a shipped order). */
public class OrderConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderConflictException(String message) {
        super(message);
    }
}
