package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.User;

/** Tells other services what happened to accounts, in the transaction that made it happen. */
public interface AccountEvents {

    void userRegistered(User user);
}
