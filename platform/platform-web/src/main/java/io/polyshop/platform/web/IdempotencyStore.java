package io.polyshop.platform.web;

import java.util.Optional;

/** Where the first response to an idempotent POST is kept; each service's store provides one. */
public interface IdempotencyStore {

    /** A stored first request: its fingerprint and, once it finished, its response. */
    record Entry(String fingerprint, Integer status, String contentType, byte[] body) {

        public boolean completed() {
            return status != null;
        }
    }

    /** Claims {@code key} for a request with {@code fingerprint}; empty when the claim is new. */
    Optional<Entry> claim(String scope, String key, String fingerprint);

    void complete(String scope, String key, int status, String contentType, byte[] body);

    /** Lets the key be used again, e.g. after the first attempt failed on the server's side. */
    void release(String scope, String key);
}
