package io.polyshop.notification.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a delivery is tried: up to {@code maxAttempts}, waiting {@code firstBackoff} after the
 * first failure and twice as long after each further one, never longer than {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be positive, the first no longer than the longest");
        }
    }

    public boolean exhaustedAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    public Duration backoffAfter(int attempts) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }
}
