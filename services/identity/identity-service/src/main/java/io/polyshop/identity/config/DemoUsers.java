package io.polyshop.identity.config;

import io.polyshop.identity.application.EmailAlreadyRegisteredException;
import io.polyshop.identity.application.PasswordRejectedException;
import io.polyshop.identity.application.RegisterUser;
import io.polyshop.identity.application.Registration;
import io.polyshop.identity.application.RoleAdministration;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured demo accounts at start-up, once; the devstack configures an admin and two customers. */
@Component
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityProperties settings;
    private final Registration registration;
    private final RoleAdministration roles;

    DemoUsers(IdentityProperties settings, Registration registration, RoleAdministration roles) {
        this.settings = settings;
        this.registration = registration;
        this.roles = roles;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        for (IdentityProperties.DemoUser demo : settings.demoUsers()) {
            try {
                User user = registration.register(
                        new RegisterUser(demo.email(), demo.password(), demo.displayName(), "demo-users"));
                for (String role : demo.roles()) {
                    roles.grant(user.id(), Role.valueOf(role));
                }
                log.info("created demo user {} with roles {}", demo.email(), demo.roles());
            } catch (EmailAlreadyRegisteredException alreadyThere) {
                log.debug("demo user {} exists", demo.email());
            } catch (PasswordRejectedException rejected) {
                throw new IllegalStateException(
                        "demo user " + demo.email() + " is misconfigured: " + rejected.getMessage(), rejected);
            }
        }
    }
}
