package io.polyshop.notification.domain;

import java.util.Objects;

/** Whom notifications for a customer reach, as identity announced the account. */
public record Recipient(CustomerId customer, String email, String displayName) {

    public Recipient {
        Objects.requireNonNull(customer, "customer");
        if (email == null || email.isBlank()) {
            throw new InvalidNotificationException("email", "must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
    }
}
