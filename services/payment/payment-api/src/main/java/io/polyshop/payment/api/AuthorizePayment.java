package io.polyshop.payment.api;

import java.math.BigDecimal;

/**
 * Hold {@code amount} on the customer's payment method. The payment id makes the command
 * idempotent: a repeat gets the first answer and never a second authorization.
 *
 * @param paymentMethod the provider's token for the card (e.g. {@code tok_visa}); never stored or logged
 * @param replyTo topic for the {@link PaymentAuthorized} or {@link PaymentDeclined} reply
 */
public record AuthorizePayment(
        String paymentId,
        String orderId,
        String customerId,
        BigDecimal amount,
        String currency,
        String paymentMethod,
        String replyTo) {}
