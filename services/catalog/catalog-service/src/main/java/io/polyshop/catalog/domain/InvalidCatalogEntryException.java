package io.polyshop.catalog.domain;

import io.polyshop.platform.domain.InvalidInputException;
import io.polyshop.platform.domain.Violation;
import java.util.List;

/** A product, category or brand that breaks the catalog's rules; nothing of it is stored. */
public class InvalidCatalogEntryException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidCatalogEntryException(List<Violation> violations) {
        super(violations);
    }

    public static InvalidCatalogEntryException of(String field, String message) {
        return new InvalidCatalogEntryException(List.of(new Violation(field, message)));
    }
}
