package io.polyshop.inventory.application;

/** A stock change would take more than is on hand. */
public class InsufficientStockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientStockException(String message) {
        super(message);
    }
}
