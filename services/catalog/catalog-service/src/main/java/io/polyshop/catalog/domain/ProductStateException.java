package io.polyshop.catalog.domain;

/** A lifecycle step that the product's status does not allow (publishing an archived product). */
public class ProductStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProductStateException(ProductId id, String reason) {
        super("Product " + id + ": " + reason + ".");
    }
}
