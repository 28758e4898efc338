package io.polyshop.identity.application.port.out;

import java.time.Instant;

/** The log of login attempts that brute-force protection counts. */
public interface LoginAttempts {

    void record(String emailKey, String clientAddress, boolean succeeded);

    /** Failures for the account since {@code since}, not counting those before its last success. */
    long accountFailuresSince(String emailKey, Instant since);

    long addressFailuresSince(String clientAddress, Instant since);
}
