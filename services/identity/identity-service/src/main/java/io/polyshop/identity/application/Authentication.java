package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.AccessTokens;
import io.polyshop.identity.application.port.out.LoginAttempts;
import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.application.port.out.RefreshTokens;
import io.polyshop.identity.application.port.out.RolePermissions;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.InvalidFieldException;
import io.polyshop.identity.domain.LoginThrottle;
import io.polyshop.identity.domain.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs in, refreshes and logs out. Refresh tokens rotate on every use; presenting one that was
 * already used means it leaked, so its whole family (every token of that login) is revoked.
 */
public class Authentication {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RolePermissions rolePermissions;
    private final RefreshTokens refreshTokens;
    private final LoginAttempts attempts;
    private final LoginThrottle throttle;
    private final Duration refreshTokenLifetime;
    private final Clock clock;
    private final String unknownUserHash;

    public Authentication(
            Users users,
            PasswordHasher hasher,
            AccessTokens accessTokens,
            RolePermissions rolePermissions,
            RefreshTokens refreshTokens,
            LoginAttempts attempts,
            LoginThrottle throttle,
            Duration refreshTokenLifetime,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.rolePermissions = rolePermissions;
        this.refreshTokens = refreshTokens;
        this.attempts = attempts;
        this.throttle = throttle;
        this.refreshTokenLifetime = refreshTokenLifetime;
        this.clock = clock;
        // Checking a password against this when the account does not exist takes as long as a real check.
        this.unknownUserHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** Failed attempts are recorded even though the login is refused, hence no rollback for them. */
    @Transactional(noRollbackFor = {InvalidCredentialsException.class, TooManyAttemptsException.class})
    public TokenPair logIn(String emailText, String password, String clientAddress) {
        Optional<EmailAddress> email = parse(emailText);
        String emailKey = email.map(EmailAddress::key).orElse(String.valueOf(emailText));
        Instant now = clock.instant();
        attempts.lock(emailKey, clientAddress);
        Optional<Duration> wait =
                throttle.waitBefore(attempts.failuresSince(emailKey, clientAddress, now.minus(throttle.window())), now);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException("failed logins", wait.get());
        }
        Optional<User> user = email.flatMap(users::byEmail);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(unknownUserHash));
        attempts.record(emailKey, clientAddress, matches && user.isPresent());
        if (!matches || user.isEmpty()) {
            throw new InvalidCredentialsException();
        }
        return issue(user.get(), UUID.randomUUID());
    }

    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    public TokenPair refresh(String refreshToken) {
        RefreshTokens.Stored stored = refreshTokens.lock(refreshToken).orElseThrow(InvalidCredentialsException::new);
        if (stored.used()) {
            refreshTokens.revokeFamily(stored.family());
            throw new InvalidCredentialsException();
        }
        if (stored.revoked() || !stored.expiresAt().isAfter(clock.instant())) {
            throw new InvalidCredentialsException();
        }
        refreshTokens.markUsed(stored.id());
        User user = users.byId(stored.userId()).orElseThrow(InvalidCredentialsException::new);
        return issue(user, stored.family());
    }

    /** Revokes the login the refresh token belongs to; an unknown token is ignored. */
    @Transactional
    public void logOut(String refreshToken) {
        refreshTokens.lock(refreshToken).ifPresent(stored -> refreshTokens.revokeFamily(stored.family()));
    }

    private TokenPair issue(User user, UUID family) {
        AccessTokens.AccessToken access = accessTokens.issue(user, rolePermissions.grantedTo(user.roles()));
        String refresh = newRefreshToken();
        refreshTokens.store(refresh, user.id(), family, clock.instant().plus(refreshTokenLifetime));
        return new TokenPair(access.value(), access.expiresIn(), refresh);
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(new EmailAddress(email));
        } catch (InvalidFieldException notAnAddress) {
            // Not an address at all gets the same 401 as a wrong password, not a 400 that tells them apart.
            return Optional.empty();
        }
    }
}
