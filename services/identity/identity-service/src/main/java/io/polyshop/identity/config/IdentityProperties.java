package io.polyshop.identity.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.identity}.
 *
 * @param issuer the {@code iss} of every token (services check it)
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long an unused refresh token is valid
 * @param bcryptStrength bcrypt's cost factor
 * @param maxFailuresPerAccountAndClient failed logins of one account from one client address within
 *     the window before that client backs off on that account (30 s, doubling)
 * @param maxFailuresPerClient failed logins from one client address within the window before it is
 *     refused on every account
 * @param throttleWindow the window failures are counted in, and the longest back-off
 * @param maxRegistrationsPerClient accounts one client address may open within the registration window
 * @param registrationWindow the window registrations are counted in
 * @param signingKeySecret the secret the private signing keys are sealed with in the database;
 *     required, from the environment or a secret store ({@code POLYSHOP_IDENTITY_SIGNING_KEY_SECRET})
 * @param demoUsers accounts created at start-up when missing (the devstack's admin and customers)
 */
@ConfigurationProperties("polyshop.identity")
public record IdentityProperties(
        String issuer,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Integer bcryptStrength,
        Integer maxFailuresPerAccountAndClient,
        Integer maxFailuresPerClient,
        Duration throttleWindow,
        Integer maxRegistrationsPerClient,
        Duration registrationWindow,
        String signingKeySecret,
        List<DemoUser> demoUsers) {

    public IdentityProperties {
        issuer = issuer == null ? "polyshop-identity" : issuer;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(10) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(14) : refreshTokenLifetime;
        bcryptStrength = bcryptStrength == null ? 10 : bcryptStrength;
        maxFailuresPerAccountAndClient = maxFailuresPerAccountAndClient == null ? 5 : maxFailuresPerAccountAndClient;
        maxFailuresPerClient = maxFailuresPerClient == null ? 50 : maxFailuresPerClient;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
        maxRegistrationsPerClient = maxRegistrationsPerClient == null ? 20 : maxRegistrationsPerClient;
        registrationWindow = registrationWindow == null ? Duration.ofHours(1) : registrationWindow;
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
        if (signingKeySecret == null || signingKeySecret.length() < 16) {
            throw new IllegalArgumentException(
                    "polyshop.identity.signing-key-secret is required (16 characters or more):"
                            + " the secret identity seals its private signing keys with. Set POLYSHOP_IDENTITY_SIGNING_KEY_SECRET"
                            + " from a secret store; the devstack profile has a demo one.");
        }
    }

    /** An account for demos: its roles are granted on top of CUSTOMER. */
    public record DemoUser(String email, String password, String displayName, List<String> roles) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
