package io.polyshop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.security}.
 *
 * @param jwksUri where identity publishes its signing keys (JWKS); required
 * @param issuer the {@code iss} every token must carry; unchecked when blank
 * @param rolesClaim the claim holding the caller's roles
 * @param revocationsUrl the Redis that holds each user's oldest valid token version (identity's); required
 */
@ConfigurationProperties("polyshop.security")
public record SecuritySettings(String jwksUri, String issuer, String rolesClaim, String revocationsUrl) {

    public SecuritySettings {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        if (jwksUri == null || jwksUri.isBlank()) {
            throw new IllegalArgumentException(
                    "polyshop.security.jwks-uri is required: the identity service's JWKS address, "
                            + "e.g. http://127.0.0.1:8081/oauth2/jwks");
        }
        if (revocationsUrl == null || revocationsUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "polyshop.security.revocations-url is required: the Redis where identity lists revoked "
                            + "tokens, e.g. redis://127.0.0.1:16381 (./polyshop up passes it)");
        }
    }
}
