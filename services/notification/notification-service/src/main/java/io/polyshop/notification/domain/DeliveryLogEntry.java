package io.polyshop.notification.domain;

import java.time.Instant;

/** One line of a delivery's history: what happened at which attempt. */
public record DeliveryLogEntry(Instant at, DeliveryStatus status, int attempt, String detail) {}
