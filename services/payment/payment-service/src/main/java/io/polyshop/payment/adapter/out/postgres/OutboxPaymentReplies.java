package io.polyshop.payment.adapter.out.postgres;

import io.polyshop.payment.api.PaymentAuthorized;
import io.polyshop.payment.api.PaymentCaptureFailed;
import io.polyshop.payment.api.PaymentCaptured;
import io.polyshop.payment.api.PaymentDeclined;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.payment.api.PaymentVoided;
import io.polyshop.payment.application.port.out.PaymentReplies;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.platform.messaging.Outbox;

/** Payment's replies and events through the PostgreSQL outbox, keyed by payment id. */
public class OutboxPaymentReplies implements PaymentReplies {

    private final Outbox outbox;

    public OutboxPaymentReplies(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void authorized(Payment payment, String replyTo) {
        Money amount = payment.amount().orElseThrow();
        send(
                replyTo,
                payment.id(),
                PaymentMessages.PAYMENT_AUTHORIZED,
                new PaymentAuthorized(
                        payment.id().value(),
                        payment.orderId(),
                        amount.amount(),
                        amount.currency().getCurrencyCode()));
    }

    @Override
    public void declined(PaymentId id, String orderId, DeclineCode code, String replyTo) {
        send(
                replyTo,
                id,
                PaymentMessages.PAYMENT_DECLINED,
                new PaymentDeclined(id.value(), orderId, code.name(), code.customerMessage()));
    }

    @Override
    public void captured(Payment payment, String replyTo) {
        Money amount = payment.amount().orElseThrow();
        send(
                replyTo,
                payment.id(),
                PaymentMessages.PAYMENT_CAPTURED,
                new PaymentCaptured(
                        payment.id().value(),
                        payment.orderId(),
                        amount.amount(),
                        amount.currency().getCurrencyCode()));
    }

    @Override
    public void captureFailed(PaymentId id, String orderId, String reason, String replyTo) {
        send(
                replyTo,
                id,
                PaymentMessages.PAYMENT_CAPTURE_FAILED,
                new PaymentCaptureFailed(id.value(), orderId, reason));
    }

    @Override
    public void voided(PaymentId id, String orderId, String reason, String replyTo) {
        send(replyTo, id, PaymentMessages.PAYMENT_VOIDED, new PaymentVoided(id.value(), orderId, reason));
    }

    @Override
    public void refunded(Payment payment, String reason, String replyTo) {
        send(replyTo, payment.id(), PaymentMessages.PAYMENT_REFUNDED, refund(payment, reason));
    }

    @Override
    public void announceRefund(Payment payment, String reason) {
        send(PaymentMessages.EVENTS, payment.id(), PaymentMessages.PAYMENT_REFUNDED, refund(payment, reason));
    }

    private static PaymentRefunded refund(Payment payment, String reason) {
        Money amount = payment.amount().orElseThrow();
        return new PaymentRefunded(
                payment.id().value(),
                payment.orderId(),
                payment.customerId(),
                amount.amount(),
                amount.currency().getCurrencyCode(),
                reason);
    }

    private void send(String topic, PaymentId id, String type, Object payload) {
        outbox.append(topic, id.value(), type, payload);
    }
}
