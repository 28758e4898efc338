package io.polyshop.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A notification's id; the event that raised it decides it, so a redelivered event finds it taken. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId forEvent(String source, String eventId, NotificationType type) {
        return new NotificationId(
                UUID.nameUUIDFromBytes((source + "|" + eventId + "|" + type).getBytes(StandardCharsets.UTF_8)));
    }

    /** The id written in a path; text that is no id names no notification. */
    public static Optional<NotificationId> parse(String text) {
        try {
            return Optional.of(new NotificationId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
