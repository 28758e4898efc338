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
 * @param maxFailuresPerAccount failed logins per account within the window before refusing
 * @param maxFailuresPerAddress failed logins per client address within the window before refusing
 * @param throttleWindow the window failures are counted in, and how long a refusal lasts at most
 * @param demoUsers accounts created at start-up when missing (the devstack's admin and customers)
 */
@ConfigurationProperties("polyshop.identity")
public record IdentityProperties(
        String issuer,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Integer bcryptStrength,
        Integer maxFailuresPerAccount,
        Integer maxFailuresPerAddress,
        Duration throttleWindow,
        List<DemoUser> demoUsers) {

    public IdentityProperties {
        issuer = issuer == null ? "polyshop-identity" : issuer;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(10) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(14) : refreshTokenLifetime;
        bcryptStrength = bcryptStrength == null ? 10 : bcryptStrength;
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 50 : maxFailuresPerAddress;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    /** An account for demos: its roles are granted on top of CUSTOMER. */
    public record DemoUser(String email, String password, String displayName, List<String> roles) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
