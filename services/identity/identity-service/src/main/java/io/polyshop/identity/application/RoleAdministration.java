package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.RevokedTokens;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import io.polyshop.identity.domain.UserId;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants and revokes roles; the user's older tokens are refused from the next request on, and the
 * next login or refresh carries the change.
 */
public class RoleAdministration {

    private final Users users;
    private final RevokedTokens revokedTokens;

    public RoleAdministration(Users users, RevokedTokens revokedTokens) {
        this.users = users;
        this.revokedTokens = revokedTokens;
    }

    @Transactional
    public User grant(UserId userId, Role role) {
        User user = users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (user.grant(role)) {
            users.update(user);
            revokedTokens.revokeOlderThanCurrent(user);
        }
        return user;
    }

    @Transactional
    public User revoke(UserId userId, Role role) {
        User user = users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (user.revoke(role)) {
            users.update(user);
            revokedTokens.revokeOlderThanCurrent(user);
        }
        return user;
    }

    @Transactional(readOnly = true)
    public User find(UserId userId) {
        return users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
    }
}
