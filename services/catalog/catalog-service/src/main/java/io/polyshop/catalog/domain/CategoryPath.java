package io.polyshop.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category together with its ancestors, root first. It knows every attribute a product in the
 * category must or may carry and checks a product's attributes against them.
 */
public record CategoryPath(List<Category> categories) {

    public CategoryPath {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("a category path has at least the category itself");
        }
        categories = List.copyOf(categories);
    }

    public Category category() {
        return categories.getLast();
    }

    public List<CategoryId> ids() {
        return categories.stream().map(Category::id).toList();
    }

    public Map<String, AttributeDefinition> definitions() {
        Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
        for (Category category : categories) {
            category.attributes().forEach(attribute -> definitions.put(attribute.name(), attribute));
        }
        return definitions;
    }

    /**
     * The attributes in canonical types, after checking that every required one is present, none
     * is unknown to the category and each has its declared type. Violations name {@code field.<attribute>}.
     */
    public Map<String, Object> check(String field, Map<String, Object> attributes, Violations violations) {
        Map<String, AttributeDefinition> definitions = definitions();
        Map<String, Object> checked = new LinkedHashMap<>();
        Map<String, Object> submitted = attributes == null ? Map.of() : attributes;
        List<String> unknown = new ArrayList<>();
        submitted.forEach((name, value) -> {
            AttributeDefinition definition = definitions.get(name);
            if (definition == null) {
                unknown.add(name);
                return;
            }
            Object accepted = definition.check(field + "." + name, value, violations);
            if (accepted != null) {
                checked.put(name, accepted);
            }
        });
        unknown.forEach(name -> violations.add(
                field, "category " + category().id() + " has no attribute named '" + printable(name) + "'"));
        definitions.values().stream()
                .filter(AttributeDefinition::required)
                .filter(definition -> !submitted.containsKey(definition.name()))
                .forEach(definition -> violations.add(field + "." + definition.name(), "is required"));
        return checked;
    }

    private static String printable(String name) {
        String shortened = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return shortened.replaceAll("[^\\p{Print}]", "?");
    }
}
