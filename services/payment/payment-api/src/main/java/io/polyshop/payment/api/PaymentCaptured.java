package io.polyshop.payment.api;

import java.math.BigDecimal;

/** The money has been taken. */
public record PaymentCaptured(String paymentId, String orderId, BigDecimal amount, String currency) {}
