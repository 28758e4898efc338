package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.User;
import java.time.Duration;

/** Issues the short-lived signed access tokens the services verify. */
public interface AccessTokens {

    record AccessToken(String value, Duration expiresIn) {}

    AccessToken issue(User user);
}
