package io.polyshop.payment.application.port.out;

import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.Money;

/**
 * The payment service provider. Every call carries an idempotency key: the provider performs one
 * operation per key however often it is asked, which is what lets a timed-out call be retried, or
 * race the provider's own callback, without a second charge. A provider that reports outcomes
 * later (webhooks) feeds them to {@code PaymentProcessing.providerReported}.
 */
public interface PaymentProvider {

    /** What the provider said. */
    sealed interface Outcome {}

    /** Done; {@code reference} is the provider's id for the authorization. */
    record Approved(String reference) implements Outcome {}

    /** The provider said no; asking again will not change that. */
    record Refused(DeclineCode code, String reason) implements Outcome {}

    /** No answer (timeout, outage, circuit open): whether it happened is unknown to us. */
    record Unavailable(String reason) implements Outcome {}

    Outcome authorize(String idempotencyKey, Money amount, String paymentMethod);

    Outcome capture(String idempotencyKey, String reference, Money amount);

    Outcome voidAuthorization(String idempotencyKey, String reference);

    Outcome refund(String idempotencyKey, String reference, Money amount);
}
