package io.polyshop.notification.application;

/** A notification, delivery or template that does not exist (or is not the caller's to see). */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String resource, Object id) {
        super("No " + resource + " " + id);
    }
}
