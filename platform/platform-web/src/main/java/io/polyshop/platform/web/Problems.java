package io.polyshop.platform.web;

import java.net.URI;

/** The stable problem types Polyshop answers with (RFC 9457 {@code type} members). */
public final class Problems {

    private static final String BASE = "https://polyshop.io/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI IDEMPOTENCY_KEY_IN_FLIGHT = URI.create(BASE + "idempotency-key-in-flight");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");
    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

    private Problems() {}
}
