package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.IdentityEventPublisher;
import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.PasswordPolicy;
import io.polyshop.identity.domain.User;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/** Opens customer accounts and announces them ({@code UserRegistered}). */
public class Registration {

    private final Users users;
    private final PasswordHasher hasher;
    private final IdentityEventPublisher events;

    public Registration(Users users, PasswordHasher hasher, IdentityEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
    }

    @Transactional
    public User register(RegisterUser command) {
        EmailAddress email = new EmailAddress(command.email());
        List<String> violations = PasswordPolicy.violations(command.password(), email);
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException("password", violations);
        }
        User user = User.register(email, command.displayName(), hasher.hash(command.password()));
        users.add(user);
        events.userRegistered(user);
        return user;
    }
}
