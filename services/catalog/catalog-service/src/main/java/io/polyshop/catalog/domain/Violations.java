package io.polyshop.catalog.domain;

import io.polyshop.platform.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every violation of one input so that a caller learns all of them at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    /** Checks a required text: present, not blank, at most {@code maxLength} characters. */
    public Violations text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    public Violations matches(String field, String value, Pattern pattern, String expectation) {
        if (value == null || !pattern.matcher(value).matches()) {
            add(field, expectation);
        }
        return this;
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** @throws InvalidCatalogEntryException when anything was found */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCatalogEntryException(found);
        }
    }
}
