package io.polyshop.catalog.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A node of the category tree. It declares the attributes its products carry; a product of a
 * category must satisfy the definitions of the category and all of its ancestors.
 */
public record Category(CategoryId id, String name, CategoryId parent, List<AttributeDefinition> attributes) {

    public Category {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        Violations violations = new Violations().text("name", name, 100);
        if (id.equals(parent)) {
            violations.add("parentId", "a category cannot be its own parent");
        }
        Set<String> names = new HashSet<>();
        for (AttributeDefinition attribute : attributes) {
            if (!names.add(attribute.name())) {
                violations.add("attributes", "declares " + attribute.name() + " twice");
            }
        }
        violations.throwIfAny();
    }
}
