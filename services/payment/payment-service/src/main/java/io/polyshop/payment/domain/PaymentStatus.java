package io.polyshop.payment.domain;

/**
 * Where a payment stands. {@code AUTHORIZING} waits for the provider; {@code DECLINED},
 * {@code VOIDED} and {@code REFUNDED} are final.
 */
public enum PaymentStatus {
    AUTHORIZING,
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
