package io.polyshop.catalog.domain;

import java.util.regex.Pattern;

/** A stock-keeping unit: upper-case letters, digits and dashes, as warehouses print them. */
public record Sku(String value) {

    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    public static final String EXPECTATION = "must be 3-64 upper-case letters, digits or dashes";

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw InvalidCatalogEntryException.of("sku", EXPECTATION);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
