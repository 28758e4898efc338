package io.polyshop.inventory.domain;

import java.util.regex.Pattern;

/** Chosen by whoever reserves (the checkout saga); a repeat with the same id is the same reservation. */
public record ReservationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public ReservationId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidStockRequestException(
                    "reservationId", "must be 1-64 letters, digits, dashes or underscores");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
