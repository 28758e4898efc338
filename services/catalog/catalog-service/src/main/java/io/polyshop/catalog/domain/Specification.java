package io.polyshop.catalog.domain;

import java.util.List;

/** A group of technical specifications ("Display": size, resolution, panel) shown on a product page. */
public record Specification(String group, List<Entry> entries) {

    public Specification {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public record Entry(String name, String value) {}
}
