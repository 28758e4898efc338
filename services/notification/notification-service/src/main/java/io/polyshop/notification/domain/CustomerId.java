package io.polyshop.notification.domain;

/** The customer a notification is for: identity's user id, the token's subject. */
public record CustomerId(String value) {

    public CustomerId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new InvalidNotificationException("customerId", "must be 1 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
