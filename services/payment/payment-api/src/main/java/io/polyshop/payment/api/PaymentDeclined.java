package io.polyshop.payment.api;

/**
 * Nothing was authorized. {@code code} is stable ({@code DECLINED}, {@code INSUFFICIENT_FUNDS},
 * {@code PROVIDER_UNAVAILABLE}, {@code VOIDED}, {@code CONFLICTING_COMMAND}); {@code reason} is
 * written for the customer.
 */
public record PaymentDeclined(String paymentId, String orderId, String code, String reason) {}
