package io.polyshop.payment.domain;

/** What the payment provider said about one operation. */
public sealed interface ProviderOutcome {

    /** Done; {@code reference} is the provider's id for the authorization. */
    record Approved(String reference) implements ProviderOutcome {}

    /** The provider said no; asking again will not change that. */
    record Refused(DeclineCode code, String reason) implements ProviderOutcome {}

    /** No answer (timeout, outage, circuit open): whether it happened is unknown to us. */
    record Unavailable(String reason) implements ProviderOutcome {}
}
