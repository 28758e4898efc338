package io.polyshop.payment.domain;

import java.time.Instant;

/** A change of status as the audit log keeps it. */
public record AuditEntry(PaymentStatus from, PaymentStatus to, String reason, String actor, Instant at) {}
