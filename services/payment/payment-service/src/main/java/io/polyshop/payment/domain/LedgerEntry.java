package io.polyshop.payment.domain;

import java.time.Instant;

/** One money movement, as recorded; the ledger is never updated or deleted from. */
public record LedgerEntry(PaymentId paymentId, LedgerKind kind, Money amount, String providerReference, Instant at) {}
