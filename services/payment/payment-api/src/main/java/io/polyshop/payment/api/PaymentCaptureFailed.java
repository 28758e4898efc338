package io.polyshop.payment.api;

/** Nothing was captured: the payment was never authorized, was voided, or the provider refused. */
public record PaymentCaptureFailed(String paymentId, String orderId, String reason) {}
