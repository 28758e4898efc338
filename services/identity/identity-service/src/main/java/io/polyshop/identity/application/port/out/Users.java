package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.User;
import io.polyshop.identity.domain.UserId;
import java.util.Optional;

/** Accounts, stored. */
public interface Users {

    Optional<User> byEmail(EmailAddress email);

    Optional<User> byId(UserId id);

    /** @throws io.polyshop.identity.application.EmailAlreadyRegisteredException when the address is taken */
    void add(User user);

    /** Stores the password hash and the roles as they now are. */
    void update(User user);
}
