package io.polyshop.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attribute a category's products carry: its name, type, whether it is required and, for text,
 * optionally the values it may take ({@code size} ∈ S, M, L).
 */
public record AttributeDefinition(String name, AttributeType type, boolean required, List<String> allowedValues) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");

    public AttributeDefinition {
        Objects.requireNonNull(type, "type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        Violations violations =
                new Violations().matches("name", name, NAME, "must be a camelCase name of at most 40 characters");
        if (!allowedValues.isEmpty() && type != AttributeType.TEXT) {
            violations.add("allowedValues", "only text attributes can list allowed values");
        }
        violations.throwIfAny();
    }

    /** The value in canonical form, or a violation on {@code field} when it does not fit. */
    Object check(String field, Object value, Violations violations) {
        Object accepted = type.accept(value);
        if (accepted == null) {
            violations.add(field, type.expectation());
            return null;
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(accepted)) {
            violations.add(field, "must be one of " + String.join(", ", allowedValues));
            return null;
        }
        return accepted;
    }
}
