package io.polyshop.payment.domain;

/** Why nothing was authorized, each with what the customer is told. */
public enum DeclineCode {
    DECLINED("The card was declined. Please use another payment method."),
    INSUFFICIENT_FUNDS("The card has insufficient funds. Please use another payment method."),
    PROVIDER_UNAVAILABLE("The payment could not be processed right now. You were not charged; please try again."),
    VOIDED("The payment was cancelled before it was authorized."),
    CONFLICTING_COMMAND("This payment was already requested with a different amount or order.");

    private final String customerMessage;

    DeclineCode(String customerMessage) {
        this.customerMessage = customerMessage;
    }

    public String customerMessage() {
        return customerMessage;
    }
}
