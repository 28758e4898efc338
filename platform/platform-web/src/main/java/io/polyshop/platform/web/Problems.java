package io.polyshop.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/** The stable problem types Polyshop answers with (RFC 9457 {@code type} members). */
public final class Problems {

    private static final String BASE = "https://polyshop.io/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI UNSUPPORTED_REQUEST = URI.create(BASE + "unsupported-request");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI IDEMPOTENCY_KEY_IN_FLIGHT = URI.create(BASE + "idempotency-key-in-flight");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");
    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

    private Problems() {}

    /** The type of a problem Spring raised on its own (it names none), from its status. */
    public static URI ofStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405, 406, 415 -> UNSUPPORTED_REQUEST;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
