package io.polyshop.order.domain;

import java.util.regex.Pattern;

/** A product's or a variant's stock-keeping unit. */
public record Sku(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidOrderException("sku", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }
}
