package io.polyshop.payment.domain;

/** The money movements a payment's ledger records, each at most once per payment. */
public enum LedgerKind {
    AUTHORIZATION,
    CAPTURE,
    VOID,
    REFUND
}
