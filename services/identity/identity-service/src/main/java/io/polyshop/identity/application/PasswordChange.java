package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.application.port.out.RefreshTokens;
import io.polyshop.identity.application.port.out.RevokedTokens;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.PasswordPolicy;
import io.polyshop.identity.domain.User;
import io.polyshop.identity.domain.UserId;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/** Changes a password after checking the current one; every existing login is signed out. */
public class PasswordChange {

    private final Users users;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final RevokedTokens revokedTokens;

    public PasswordChange(
            Users users, PasswordHasher hasher, RefreshTokens refreshTokens, RevokedTokens revokedTokens) {
        this.users = users;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.revokedTokens = revokedTokens;
    }

    @Transactional
    public void change(UserId userId, String currentPassword, String newPassword) {
        User user = users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        List<String> violations = PasswordPolicy.violations(newPassword, user.email());
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException("newPassword", violations);
        }
        user.changePasswordHash(hasher.hash(newPassword));
        users.update(user);
        // Inside the transaction: if the list cannot be written, the change does not happen either.
        revokedTokens.revokeOlderThanCurrent(user);
        refreshTokens.revokeAllOf(userId);
    }
}
