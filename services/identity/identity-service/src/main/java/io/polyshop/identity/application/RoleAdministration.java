package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import io.polyshop.identity.domain.UserId;
import org.springframework.transaction.annotation.Transactional;

/** Grants and revokes roles; tokens carry the change from the user's next refresh on. */
public class RoleAdministration {

    private final Users users;

    public RoleAdministration(Users users) {
        this.users = users;
    }

    @Transactional
    public User grant(UserId userId, Role role) {
        User user = users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (user.grant(role)) {
            users.update(user);
        }
        return user;
    }

    @Transactional
    public User revoke(UserId userId, Role role) {
        User user = users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (user.revoke(role)) {
            users.update(user);
        }
        return user;
    }

    @Transactional(readOnly = true)
    public User find(UserId userId) {
        return users.byId(userId).orElseThrow(() -> new UnknownUserException(userId));
    }
}
