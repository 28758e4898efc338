package io.polyshop.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force protection that an attacker cannot turn against an account's owner. Failures are
 * counted per client (its address, as the gateway saw it) and per account from that client:
 *
 * <ul>
 *   <li>a client that failed {@code perClient} times within the window guesses across accounts and
 *       is refused until its failures age out of the window;
 *   <li>an account that failed {@code perAccountAndClient} times from one client makes that client
 *       wait before its next try there: 30 seconds, doubling with each further failure, at most the
 *       window. Other clients, the owner's among them, log in as usual: there is no lock-out.
 * </ul>
 *
 * The answer is the same whether or not the account exists.
 */
public record LoginThrottle(int perAccountAndClient, int perClient, Duration window) {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    public LoginThrottle {
        if (perAccountAndClient < 1 || perClient < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
    }

    /** What was counted within the window for one login. */
    public record Failures(long ofAccountFromClient, Optional<Instant> lastOfAccountFromClient, long ofClient) {}

    /** How long this client must wait before trying again; empty when it may try now. */
    public Optional<Duration> waitBefore(Failures failures, Instant now) {
        if (failures.ofClient() >= perClient) {
            return Optional.of(window);
        }
        long beyond = failures.ofAccountFromClient() - perAccountAndClient;
        if (beyond < 0 || failures.lastOfAccountFromClient().isEmpty()) {
            return Optional.empty();
        }
        Duration backOff = beyond >= 20 ? window : FIRST_WAIT.multipliedBy(1L << beyond);
        if (backOff.compareTo(window) > 0) {
            backOff = window;
        }
        Instant allowedAt = failures.lastOfAccountFromClient().get().plus(backOff);
        return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }
}
