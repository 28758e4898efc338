package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.User;

/** Where the services learn that a user's older tokens no longer count. */
public interface RevokedTokens {

    /** Every service refuses {@code user}'s tokens older than its current token version, from now on. */
    void revokeOlderThanCurrent(User user);
}
