package io.polyshop.payment.domain;

import java.util.Optional;

/**
 * One step of a payment's life: the payment after it, the status it left, why, who did it, and the
 * money movement it records, if any. The store applies it only if the payment is still in
 * {@code from}, and writes the audit row and the ledger entry with it.
 */
public record StatusChange(
        Payment after, PaymentStatus from, String reason, String actor, Optional<LedgerKind> ledger) {}
