package io.polyshop.catalog.application;

import io.polyshop.catalog.domain.ProductId;

/** Someone changed the product since the version the writer based its change on. */
public class StaleProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleProductException(ProductId id, long expectedVersion) {
        super("Product " + id + " is no longer at version " + expectedVersion
                + "; read it again and apply your change to the current version.");
    }
}
