package io.polyshop.payment.api;

import java.math.BigDecimal;

/** A captured payment was paid back to the customer. Also published on {@link PaymentMessages#EVENTS}. */
public record PaymentRefunded(
        String paymentId, String orderId, String customerId, BigDecimal amount, String currency, String reason) {}
