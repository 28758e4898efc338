package io.polyshop.platform.security;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Which tokens are revoked: identity stores, per user, the oldest token version still valid (a role
 * or password change raises it), and every service checks a token's {@code ver} claim against it on
 * every request. So a change takes effect on the next request, not when the token expires. An entry
 * lives as long as the tokens it revokes could. Kept in Redis (identity's), read without a cache.
 */
public final class TokenRevocations implements OAuth2TokenValidator<Jwt>, AutoCloseable {

    /** The claim identity writes each token's version into. */
    public static final String VERSION_CLAIM = "ver";

    private static final String KEY = "token-version:";
    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked.", null);
    private static final OAuth2Error UNCHECKED =
            new OAuth2Error("invalid_token", "Whether the token was revoked cannot be told now.", null);

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public TokenRevocations(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create(uri);
    }

    /** Tokens of {@code subject} older than version {@code validFrom} fail from now on, for {@code lifetime}. */
    public void revokeBefore(String subject, long validFrom, Duration lifetime) {
        connection().sync().set(KEY + subject, Long.toString(validFrom), SetArgs.Builder.px(lifetime.toMillis()));
    }

    Optional<Long> oldestValidVersion(String subject) {
        return Optional.ofNullable(connection().sync().get(KEY + subject)).map(Long::valueOf);
    }

    /** Connected on first use (a service starts while Redis is away); Lettuce reconnects after that. */
    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    /** Refuses when the list cannot be read: a revoked token must not pass because Redis is away. */
    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        try {
            long version = versionOf(token);
            return oldestValidVersion(token.getSubject())
                    .filter(oldest -> version < oldest)
                    .map(oldest -> OAuth2TokenValidatorResult.failure(REVOKED))
                    .orElseGet(OAuth2TokenValidatorResult::success);
        } catch (RuntimeException unreachable) {
            return OAuth2TokenValidatorResult.failure(UNCHECKED);
        }
    }

    private static long versionOf(Jwt token) {
        Map<String, Object> claims = token.getClaims();
        return claims.get(VERSION_CLAIM) instanceof Number number ? number.longValue() : 0L;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
