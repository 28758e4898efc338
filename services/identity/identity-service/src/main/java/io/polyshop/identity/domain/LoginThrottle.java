package io.polyshop.identity.domain;

import java.time.Duration;

/**
 * Brute-force protection: an account that failed {@code perAccount} times, or a client address that
 * failed {@code perAddress} times, within the window is refused until the window has passed. The
 * answer is the same whether or not the account exists.
 */
public record LoginThrottle(int perAccount, int perAddress, Duration window) {

    public LoginThrottle {
        if (perAccount < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
    }

    public boolean refuses(long recentAccountFailures, long recentAddressFailures) {
        return recentAccountFailures >= perAccount || recentAddressFailures >= perAddress;
    }
}
