package io.polyshop.identity.application;

import java.time.Duration;

public final class TooManyAttemptsException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** {@code what} there were too many of, e.g. "failed logins". */
    public TooManyAttemptsException(String what, Duration retryAfter) {
        super("Too many " + what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
