package io.polyshop.order.domain;

/** What the participants answer. {@code PAYMENT_VOIDED} covers a void and a refund alike. */
public enum SagaReply {
    STOCK_RESERVED,
    STOCK_RESERVATION_FAILED,
    PAYMENT_AUTHORIZED,
    PAYMENT_DECLINED,
    RESERVATION_CONFIRMED,
    RESERVATION_CONFIRMATION_FAILED,
    PAYMENT_CAPTURED,
    PAYMENT_CAPTURE_FAILED,
    STOCK_RELEASED,
    PAYMENT_VOIDED
}
