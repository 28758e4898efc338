package io.polyshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.payment.api.CapturePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.VoidPayment;
import io.polyshop.platform.test.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Undoing a payment when the saga compensates: voids, refunds, and a void that arrives first. */
class CompensationIT extends PaymentTestSupport {

    @Test
    void voidingAnAuthorizationReleasesItOnceAndARepeatOnlyAnswersAgain() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "30.00", "tok_visa"));
        awaitReplies(payment, 1);

        send(PaymentMessages.VOID_PAYMENT, payment, new VoidPayment(payment, "stock ran out", REPLIES));
        send(PaymentMessages.VOID_PAYMENT, payment, new VoidPayment(payment, "stock ran out", REPLIES));

        assertThat(awaitReplies(payment, 3).subList(1, 3))
                .extracting(TopicRecorder.Event::type)
                .containsExactly(PaymentMessages.PAYMENT_VOIDED, PaymentMessages.PAYMENT_VOIDED);
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION", "VOID");
        assertThat(provider.performedFor(payment)).containsExactly(payment + ":authorize", payment + ":void");
    }

    @Test
    void voidingACapturedPaymentRefundsItAndAnnouncesTheRefundOnce() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "30.00", "tok_visa"));
        awaitReplies(payment, 1);
        send(PaymentMessages.CAPTURE_PAYMENT, payment, new CapturePayment(payment, REPLIES));
        awaitReplies(payment, 2);

        send(PaymentMessages.VOID_PAYMENT, payment, new VoidPayment(payment, "order cancelled", REPLIES));
        send(PaymentMessages.VOID_PAYMENT, payment, new VoidPayment(payment, "order cancelled", REPLIES));

        assertThat(awaitReplies(payment, 4).subList(2, 4))
                .extracting(TopicRecorder.Event::type)
                .containsExactly(PaymentMessages.PAYMENT_REFUNDED, PaymentMessages.PAYMENT_REFUNDED);
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION", "CAPTURE", "REFUND");
        TopicRecorder.Event refund = events.await(event -> event.subject().equals(payment), DEADLINE);
        assertThat(refund.data().get("customerId").asString()).isEqualTo(customer);
        assertThat(events.about(payment)).hasSize(1);
    }

    @Test
    void aVoidThatOvertakesItsAuthorizationTurnsTheAuthorizationAway() {
        String payment = paymentId();

        send(PaymentMessages.VOID_PAYMENT, payment, new VoidPayment(payment, "checkout timed out", REPLIES));
        awaitReplies(payment, 1);
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "30.00", "tok_visa"));

        JsonNode late = awaitReplies(payment, 2).get(1).data();
        assertThat(late.get("code").asString()).isEqualTo("VOIDED");
        assertThat(provider.performedFor(payment)).isEmpty();
        assertThat(ledger(payment)).isEmpty();
    }
}
