package io.polyshop.payment.api;

/**
 * Where payment's messages travel and the CloudEvents types they carry. Saga commands arrive on
 * {@link #COMMANDS} keyed by payment id; each names the topic its reply goes to. Refunds are also
 * announced on {@link #EVENTS} for whoever tells the customer.
 */
public final class PaymentMessages {

    public static final String COMMANDS = "payment.commands";
    public static final String EVENTS = "payment.events";

    public static final String AUTHORIZE_PAYMENT = "polyshop.payment.authorize-payment.v1";
    public static final String CAPTURE_PAYMENT = "polyshop.payment.capture-payment.v1";
    public static final String VOID_PAYMENT = "polyshop.payment.void-payment.v1";

    public static final String PAYMENT_AUTHORIZED = "polyshop.payment.payment-authorized.v1";
    public static final String PAYMENT_DECLINED = "polyshop.payment.payment-declined.v1";
    public static final String PAYMENT_CAPTURED = "polyshop.payment.payment-captured.v1";
    public static final String PAYMENT_CAPTURE_FAILED = "polyshop.payment.payment-capture-failed.v1";
    public static final String PAYMENT_VOIDED = "polyshop.payment.payment-voided.v1";
    public static final String PAYMENT_REFUNDED = "polyshop.payment.payment-refunded.v1";

    private PaymentMessages() {}
}
