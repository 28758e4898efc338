package io.polyshop.notification.domain;

import io.polyshop.platform.domain.InvalidInputException;

/** A value the notification domain refuses, with the field it came from. */
public class InvalidNotificationException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidNotificationException(String field, String message) {
        super(field, message);
    }
}
