package io.polyshop.identity.api;

import java.time.Instant;
import java.util.UUID;

/** A person created an account; notifications welcomes them. */
public record UserRegistered(UUID userId, String email, String displayName, Instant registeredAt) {}
