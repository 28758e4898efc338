package io.polyshop.notification.domain;

/** A value the notification domain refuses, with the field it came from. */
public class InvalidNotificationException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidNotificationException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
