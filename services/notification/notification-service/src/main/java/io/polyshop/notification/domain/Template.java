package io.polyshop.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A Mustache template for one {@link TemplateKey}: a subject line and a body. {@code version}
 * counts its changes, starting at 1.
 */
public record Template(TemplateKey key, String subject, String body, long version, Instant updatedAt) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    public Template {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new InvalidNotificationException("subject", "must be 1 to " + MAX_SUBJECT + " characters");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new InvalidNotificationException("body", "must be 1 to " + MAX_BODY + " characters");
        }
        if (version < 1) {
            throw new InvalidNotificationException("version", "must be 1 or more");
        }
    }

    public Template changedTo(String newSubject, String newBody, Instant at) {
        return new Template(key, newSubject, newBody, version + 1, at);
    }
}
