package io.polyshop.payment.api;

/**
 * Give the customer's money back, whatever stage the payment reached (a compensation): an
 * authorization is voided, a capture is refunded. Voiding an id never authorized turns a late
 * {@link AuthorizePayment} with that id away.
 */
public record VoidPayment(String paymentId, String reason, String replyTo) {}
