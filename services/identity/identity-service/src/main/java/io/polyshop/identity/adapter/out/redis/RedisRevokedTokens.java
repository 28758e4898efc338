package io.polyshop.identity.adapter.out.redis;

import io.polyshop.identity.application.port.out.RevokedTokens;
import io.polyshop.identity.domain.User;
import io.polyshop.platform.security.TokenRevocations;
import java.time.Duration;

/** The revocation list the services read, kept as long as a revoked token could still be presented. */
public class RedisRevokedTokens implements RevokedTokens {

    private final TokenRevocations revocations;
    private final Duration kept;

    public RedisRevokedTokens(TokenRevocations revocations, Duration accessTokenLifetime) {
        this.revocations = revocations;
        this.kept = accessTokenLifetime.plusMinutes(1);
    }

    @Override
    public void revokeOlderThanCurrent(User user) {
        revocations.revokeBefore(user.id().toString(), user.tokenVersion(), kept);
    }
}
