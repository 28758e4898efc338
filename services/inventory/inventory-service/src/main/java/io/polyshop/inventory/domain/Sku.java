package io.polyshop.inventory.domain;

import java.util.regex.Pattern;

/** A stock-keeping unit as the catalog writes it: upper-case letters, digits and dashes. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidStockRequestException("sku", "must be 3-64 upper-case letters, digits or dashes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
