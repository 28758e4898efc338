package io.polyshop.payment.application.port.out;

import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;

/** Answers to the saga, written in the transaction of the change they report. */
public interface PaymentReplies {

    void authorized(Payment payment, String replyTo);

    void declined(PaymentId id, String orderId, DeclineCode code, String replyTo);

    void captured(Payment payment, String replyTo);

    void captureFailed(PaymentId id, String orderId, String reason, String replyTo);

    void voided(PaymentId id, String orderId, String reason, String replyTo);

    void refunded(Payment payment, String reason, String replyTo);

    /** Tells everyone a refund happened, once, with the refund. */
    void announceRefund(Payment payment, String reason);
}
