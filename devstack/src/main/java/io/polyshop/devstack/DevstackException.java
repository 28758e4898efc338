package io.polyshop.devstack;

/** A problem the user can fix, reported as one clear line instead of a stack trace. */
class DevstackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DevstackException(String message) {
        super(message);
    }

    DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
