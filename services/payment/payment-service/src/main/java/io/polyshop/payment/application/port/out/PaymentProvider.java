package io.polyshop.payment.application.port.out;

import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.ProviderOutcome;

/**
 * The payment service provider. Every call carries an idempotency key: the provider performs one
 * operation per key however often it is asked, which is what lets a timed-out call be retried, or
 * race the provider's own callback, without a second charge. A provider that reports outcomes
 * later (webhooks) feeds them to {@code PaymentProcessing.providerReported}.
 */
public interface PaymentProvider {

    ProviderOutcome authorize(String idempotencyKey, Money amount, String paymentMethod);

    ProviderOutcome capture(String idempotencyKey, String reference, Money amount);

    ProviderOutcome voidAuthorization(String idempotencyKey, String reference);

    ProviderOutcome refund(String idempotencyKey, String reference, Money amount);
}
