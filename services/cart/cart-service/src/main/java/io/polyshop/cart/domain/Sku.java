package io.polyshop.cart.domain;

import java.util.regex.Pattern;

/** A product's or variant's stock-keeping unit, as catalog writes it. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidCartRequestException("sku", "must be 3-64 upper-case letters, digits or dashes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
