package io.polyshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.payment.adapter.out.testprovider.TestPaymentProvider;
import io.polyshop.payment.api.AuthorizePayment;
import io.polyshop.payment.api.CapturePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Authorizing through the provider: approvals, declines, retries, silence, repeats and the provider's own callbacks. */
@ExtendWith(KeptToApiDocument.class)
class AuthorizationIT extends PaymentTestSupport {

    @Test
    void authorizesATestVisaCardAndCapturesItOnceEvenWhenAskedTwice() {
        String payment = paymentId();

        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "59.90", "tok_visa"));
        awaitReplies(payment, 1);
        send(PaymentMessages.CAPTURE_PAYMENT, payment, new CapturePayment(payment, REPLIES));
        send(PaymentMessages.CAPTURE_PAYMENT, payment, new CapturePayment(payment, REPLIES));
        List<TopicRecorder.Event> answers = awaitReplies(payment, 3);

        assertThat(answers)
                .extracting(TopicRecorder.Event::type)
                .containsExactly(
                        PaymentMessages.PAYMENT_AUTHORIZED,
                        PaymentMessages.PAYMENT_CAPTURED,
                        PaymentMessages.PAYMENT_CAPTURED);
        assertThat(answers.getFirst().data().get("amount").decimalValue()).isEqualByComparingTo("59.90");
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION", "CAPTURE");
        assertThat(statusHistory(payment))
                .containsExactly("->AUTHORIZING", "AUTHORIZING>AUTHORIZED", "AUTHORIZED>CAPTURED");
        assertThat(provider.performedFor(payment)).containsExactly(payment + ":authorize", payment + ":capture");
    }

    @Test
    void declinedCardsAreAnsweredWithAReasonAndNothingIsHeld() {
        String declined = paymentId();
        String broke = paymentId();

        send(PaymentMessages.AUTHORIZE_PAYMENT, declined, authorization(declined, "10.00", "tok_declined"));
        send(PaymentMessages.AUTHORIZE_PAYMENT, broke, authorization(broke, "10.00", "tok_insufficient_funds"));

        JsonNode declinedReply = awaitReplies(declined, 1).getFirst().data();
        JsonNode brokeReply = awaitReplies(broke, 1).getFirst().data();
        assertThat(declinedReply.get("code").asString()).isEqualTo("DECLINED");
        assertThat(brokeReply.get("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(brokeReply.get("reason").asString()).contains("insufficient funds");
        assertThat(ledger(declined)).isEmpty();
        assertThat(ledger(broke)).isEmpty();
        assertThat(provider.performedFor(declined)).isEmpty();
    }

    @Test
    void retriesAFlakyProviderWithBackoffUntilItApproves() {
        String payment = paymentId();

        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "12.00", "tok_flaky"));

        assertThat(awaitReplies(payment, 1).getFirst().type()).isEqualTo(PaymentMessages.PAYMENT_AUTHORIZED);
        assertThat(provider.attempts(payment + ":authorize")).isEqualTo(TestPaymentProvider.FLAKY_FAILURES + 1);
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION");
    }

    @Test
    void aProviderThatNeverAnswersIsDeclinedAsUnavailableAndNothingIsCharged() {
        String payment = paymentId();

        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "12.00", "tok_timeout"));

        JsonNode reply = awaitReplies(payment, 1).getFirst().data();
        assertThat(reply.get("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(provider.attempts(payment + ":authorize")).isEqualTo(3);
        assertThat(provider.performedFor(payment)).isEmpty();
        assertThat(ledger(payment)).isEmpty();
    }

    @Test
    void theSameCommandDeliveredTwiceMakesOnePayment() {
        String payment = paymentId();
        AuthorizePayment command = authorization(payment, "42.00", "tok_visa");

        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, command);
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, command);

        assertThat(awaitReplies(payment, 2))
                .extracting(TopicRecorder.Event::type)
                .containsExactly(PaymentMessages.PAYMENT_AUTHORIZED, PaymentMessages.PAYMENT_AUTHORIZED);
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION");
        assertThat(provider.performedFor(payment)).containsExactly(payment + ":authorize");
        assertThat(jdbc.sql("select count(*) from payment where payment_id = :id")
                        .param("id", payment)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aProviderCallbackRacingRetriesOfTheCommandNeverChargesTwice() throws Exception {
        String payment = paymentId();
        Money amount = Money.of(new BigDecimal("77.00"), "EUR");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> racers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 4; i++) {
                racers.add(CompletableFuture.runAsync(
                        () -> {
                            awaitQuietly(start);
                            processing.authorize(
                                    new PaymentId(payment),
                                    "order-" + payment,
                                    customer,
                                    amount,
                                    "tok_visa",
                                    Optional.of(REPLIES));
                        },
                        threads));
                racers.add(CompletableFuture.runAsync(
                        () -> {
                            awaitQuietly(start);
                            reportApprovalOnceTheProviderKnowsIt(payment);
                        },
                        threads));
            }
            start.countDown();
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();
        }

        assertThat(ledger(payment)).containsExactly("AUTHORIZATION");
        assertThat(statusHistory(payment)).containsExactly("->AUTHORIZING", "AUTHORIZING>AUTHORIZED");
        assertThat(provider.performedFor(payment)).containsExactly(payment + ":authorize");
    }

    @Test
    void providerCallbacksMustBeSignedWithTheSharedSecret() throws Exception {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "8.00", "tok_visa"));
        awaitReplies(payment, 1);
        byte[] body = ApiClient.json()
                .writeValueAsBytes(Map.of("paymentId", payment, "outcome", "APPROVED", "reference", "test_auth_x"));

        Response unsigned = callback(body, null);
        Response forged = callback(body, sign(body, "guess"));
        Response signed = callback(body, sign(body, "callbacks-under-test"));

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        assertThat(statusHistory(payment)).containsExactly("->AUTHORIZING", "AUTHORIZING>AUTHORIZED");
    }

    @Test
    void aPaymentIdReusedForAnotherAmountIsDeclinedAndTheFirstStandsUnchanged() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "30.00", "tok_visa"));
        awaitReplies(payment, 1);

        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "3000.00", "tok_visa"));

        assertThat(awaitReplies(payment, 2).get(1).data().get("code").asString())
                .isEqualTo("CONFLICTING_COMMAND");
        JsonNode stored = owner.get("/api/v1/payments/" + payment).json();
        assertThat(stored.get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(stored.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(ledger(payment)).containsExactly("AUTHORIZATION");
    }

    @Test
    void anUnreadableOrInvalidCommandIsDeadLetteredAndStoresNothing() {
        String payment = paymentId();
        try (TopicRecorder deadLetters = TopicRecorder.start(PaymentMessages.COMMANDS + ".dlt")) {
            send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "-5.00", "tok_visa"));

            deadLetters.await(event -> event.subject().equals(payment), DEADLINE);
        }
        assertThat(jdbc.sql("select count(*) from payment where payment_id = :id")
                        .param("id", payment)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
