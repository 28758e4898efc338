package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.User;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Issues the short-lived signed access tokens the services verify. */
public interface AccessTokens {

    record AccessToken(String value, Duration expiresIn) {}

    /** A token for {@code user} that allows {@code permissions} ({@code resource:action}). */
    AccessToken issue(User user, Set<String> permissions);

    /** The public keys that verify every token still valid, as a JSON Web Key Set. */
    Map<String, Object> verificationKeys();
}
