package io.polyshop.catalog.domain;

import java.util.Objects;

public record Brand(BrandId id, String name) {

    public Brand {
        Objects.requireNonNull(id, "id");
        new Violations().text("name", name, 100).throwIfAny();
    }
}
