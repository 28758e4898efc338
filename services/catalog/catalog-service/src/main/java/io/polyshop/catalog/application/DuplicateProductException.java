package io.polyshop.catalog.application;

/** The slug or a SKU of a product being stored belongs to another product. */
public class DuplicateProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DuplicateProductException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
