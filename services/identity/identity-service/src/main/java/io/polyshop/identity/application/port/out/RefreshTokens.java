package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens: opaque to clients, stored as hashes, rotated on every use. */
public interface RefreshTokens {

    /** What is known about a presented refresh token. */
    record Stored(UUID id, UserId userId, UUID family, Instant expiresAt, boolean used, boolean revoked) {}

    void store(String token, UserId userId, UUID family, Instant expiresAt);

    /** Finds the token and locks it against a concurrent use of the same token. */
    Optional<Stored> lock(String token);

    void markUsed(UUID id);

    void revokeFamily(UUID family);

    void revokeAllOf(UserId userId);
}
