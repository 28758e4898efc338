package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.LoginThrottle;
import java.time.Instant;

/** The log of login attempts that brute-force protection counts. */
public interface LoginAttempts {

    /**
     * Holds, until the transaction ends, the counts of this client and of this account from it, so
     * that concurrent attempts are checked and recorded one after the other.
     */
    void lock(String emailKey, String clientAddress);

    void record(String emailKey, String clientAddress, boolean succeeded);

    /**
     * Failures since {@code since}: of the account from the client (not counting those before its
     * last success from there), and of the client on any account.
     */
    LoginThrottle.Failures failuresSince(String emailKey, String clientAddress, Instant since);
}
