package io.polyshop.catalog.application;

/** No product under that id or slug, or none a shopper may see. */
public class UnknownProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownProductException(String reference) {
        super("No product " + reference + ".");
    }
}
