package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.AccountEvents;
import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.application.port.out.RegistrationAttempts;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.PasswordPolicy;
import io.polyshop.identity.domain.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens customer accounts and announces them ({@code UserRegistered}); one client address opens at
 * most {@code perClient} within {@code window}.
 */
public class Registration {

    private final Users users;
    private final PasswordHasher hasher;
    private final AccountEvents events;
    private final RegistrationAttempts attempts;
    private final int perClient;
    private final Duration window;
    private final Clock clock;

    public Registration(
            Users users,
            PasswordHasher hasher,
            AccountEvents events,
            RegistrationAttempts attempts,
            int perClient,
            Duration window,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.attempts = attempts;
        this.perClient = perClient;
        this.window = window;
        this.clock = clock;
    }

    @Transactional
    public User register(RegisterUser command) {
        EmailAddress email = new EmailAddress(command.email());
        List<String> violations = PasswordPolicy.violations(command.password(), email);
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException("password", violations);
        }
        attempts.lock(command.clientAddress());
        Instant now = clock.instant();
        if (attempts.since(command.clientAddress(), now.minus(window)) >= perClient) {
            throw new TooManyAttemptsException("accounts opened from your address", window);
        }
        User user = User.register(email, command.displayName(), hasher.hash(command.password()));
        users.add(user);
        attempts.record(command.clientAddress());
        events.userRegistered(user);
        return user;
    }
}
