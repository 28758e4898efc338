package io.polyshop.order.domain;

import java.util.regex.Pattern;

/** Where the order goes. {@code country} is an ISO 3166-1 alpha-2 code; {@code line2} may be empty. */
public record ShippingAddress(
        String recipient, String line1, String line2, String city, String postalCode, String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]{2,12}");

    public ShippingAddress {
        recipient = required("shippingAddress.recipient", recipient, 100);
        line1 = required("shippingAddress.line1", line1, 200);
        line2 = line2 == null || line2.isBlank() ? null : limited("shippingAddress.line2", line2.strip(), 200);
        city = required("shippingAddress.city", city, 100);
        postalCode = required("shippingAddress.postalCode", postalCode, 12);
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            throw new InvalidOrderException(
                    "shippingAddress.postalCode", "must be 2 to 12 letters, digits, spaces or '-'");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new InvalidOrderException("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as DE");
        }
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidOrderException(field, "is required");
        }
        return limited(field, value.strip(), maxLength);
    }

    private static String limited(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidOrderException(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidOrderException(field, "must not contain control characters");
        }
        return value;
    }
}
