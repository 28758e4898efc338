package io.polyshop.notification.application;

/** A template exists already, or changed since the caller read it. */
public class TemplateConflictException extends RuntimeException {

    public TemplateConflictException(String message) {
        super(message);
    }
}
