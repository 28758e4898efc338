package io.polyshop.identity.application;

import java.time.Duration;

public final class TooManyAttemptsException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed logins; try again in " + retryAfter.toMinutes() + " minutes.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
