package io.polyshop.catalog.application;

import io.polyshop.catalog.domain.CategoryId;

public class UnknownCategoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCategoryException(CategoryId id) {
        super("No category " + id + ".");
    }
}
