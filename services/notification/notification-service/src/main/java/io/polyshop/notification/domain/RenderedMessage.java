package io.polyshop.notification.domain;

/** What a channel sends: the address it goes to and the rendered subject and body. */
public record RenderedMessage(String to, String subject, String body) {}
