package io.polyshop.payment.api;

/** Nothing is held and nothing was taken under this payment id (any authorization is voided). */
public record PaymentVoided(String paymentId, String orderId, String reason) {}
