package io.polyshop.catalog.domain;

import java.util.regex.Pattern;

/** The readable, unique part of a product's or category's address: lower-case words joined by dashes. */
public record Slug(String value) {

    public static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 120;
    public static final String EXPECTATION = "must be lower-case letters and digits joined by single dashes";

    public Slug {
        if (!valid(value)) {
            throw InvalidCatalogEntryException.of("slug", EXPECTATION);
        }
    }

    public static boolean valid(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
