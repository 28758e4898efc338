package io.polyshop.payment.api;

import java.math.BigDecimal;

/** The amount is held on the customer's payment method until captured or voided. */
public record PaymentAuthorized(String paymentId, String orderId, BigDecimal amount, String currency) {}
