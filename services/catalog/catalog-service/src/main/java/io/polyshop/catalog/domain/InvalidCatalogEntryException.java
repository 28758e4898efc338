package io.polyshop.catalog.domain;

import java.util.List;

/** A product, category or brand that breaks the catalog's rules; nothing of it is stored. */
public class InvalidCatalogEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidCatalogEntryException(List<Violation> violations) {
        super(
                violations.size() == 1
                        ? violations.getFirst().field() + ": "
                                + violations.getFirst().message()
                        : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public static InvalidCatalogEntryException of(String field, String message) {
        return new InvalidCatalogEntryException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
