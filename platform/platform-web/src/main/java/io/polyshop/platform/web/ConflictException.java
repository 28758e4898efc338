package io.polyshop.platform.web;

/** Thrown when the request contradicts the resource's current state (a stale version, a duplicate). */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
