package io.polyshop.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * Where the first response to an idempotent POST is kept; each service's store provides one. The
 * store runs the first request itself, so that claiming the key, the request's effect and the
 * stored response commit together or not at all: a process that dies half-way leaves the key free
 * for the client's retry, and never an effect without its response (or a key answering "in
 * progress" for ever). A store without transactions would claim the key with a lease that expires
 * instead.
 */
public interface IdempotencyStore {

    /** A request's response as it is kept and replayed, with the fingerprint of the request. */
    record Entry(String fingerprint, int status, String contentType, byte[] body) {}

    /** The first request with a key: the handler's work, answering its response. */
    @FunctionalInterface
    interface FirstRequest {
        Entry run() throws IOException, ServletException;
    }

    /** What became of a request with a key. */
    sealed interface Outcome {}

    /** It was the first: it ran, and its response is kept unless it failed on the server's side (5xx). */
    record Ran(Entry response) implements Outcome {}

    /** A request with this key finished before: its response (or, with another fingerprint, a refusal). */
    record Earlier(Entry response) implements Outcome {}

    /** A request with this key is running right now. */
    record InFlight() implements Outcome {}

    Outcome runOnce(String scope, String key, String fingerprint, FirstRequest first)
            throws IOException, ServletException;
}
