package io.polyshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.polyshop.payment.adapter.out.testprovider.TestPaymentProvider;
import io.polyshop.payment.api.AuthorizePayment;
import io.polyshop.payment.api.CapturePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.VoidPayment;
import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.application.UnknownPaymentException;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.ProviderOutcome.Approved;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicPublisher;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class PaymentIT {

    private static final String REPLIES = "payment-it.replies";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final TestTokens TOKENS = TestTokens.shared();

    @AutoClose
    private static final TopicRecorder replies = TopicRecorder.start(REPLIES);

    @AutoClose
    private static final TopicRecorder events = TopicRecorder.start(PaymentMessages.EVENTS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    PaymentProcessing processing;

    private String customer;
    private ApiClient owner;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "payment");
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
    }

    @BeforeEach
    void customer() {
        customer = "customer-" + UUID.randomUUID();
        owner = new ApiClient(port).as(TOKENS.valid(customer, "CUSTOMER"));
    }

    private static String paymentId() {
        return "pay-" + UUID.randomUUID();
    }

    private AuthorizePayment authorization(String paymentId, String amount, String card) {
        return new AuthorizePayment(
                paymentId, "order-" + paymentId, customer, new BigDecimal(amount), "EUR", card, REPLIES);
    }

    private static void send(String type, String paymentId, Object command) {
        TopicPublisher.shared().publish(PaymentMessages.COMMANDS, type, paymentId, command);
    }

    private static List<TopicRecorder.Event> awaitReplies(String paymentId, int count) {
        replies.await(event -> replies.about(paymentId).size() >= count, DEADLINE);
        return replies.about(paymentId);
    }

    private List<String> ledger(String paymentId) {
        return jdbc.sql("select kind from payment_ledger where payment_id = :id order by entry_id")
                .param("id", paymentId)
                .query(String.class)
                .list();
    }

    private List<String> statusHistory(String paymentId) {
        return jdbc.sql("select coalesce(old_status, '-') || '>' || new_status from payment_audit"
                        + " where payment_id = :id order by audit_id")
                .param("id", paymentId)
                .query(String.class)
                .list();
    }

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

    /** Plays the provider's webhook: it can only report an authorization the provider performed. */
    private void reportApprovalOnceTheProviderKnowsIt(String payment) {
        await().atMost(DEADLINE).until(() -> !provider.performedFor(payment).isEmpty());
        await().atMost(DEADLINE).ignoreException(UnknownPaymentException.class).until(() -> {
            processing.providerReported(new PaymentId(payment), new Approved("test_auth_from_webhook"));
            return true;
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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

    @Test
    void aCustomerSeesTheirOwnPaymentWithoutProviderDetailsAndNoOneElsesPayment() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "19.99", "tok_visa"));
        awaitReplies(payment, 1);

        Response mine = owner.get("/api/v1/payments/" + payment);
        Response someoneElses = new ApiClient(port)
                .as(TOKENS.valid("another-customer", "CUSTOMER"))
                .get("/api/v1/payments/" + payment);
        Response staff =
                new ApiClient(port).as(TOKENS.valid("helper", "SUPPORT")).get("/api/v1/payments/" + payment);
        Response anonymous = new ApiClient(port).get("/api/v1/payments/" + payment);
        Response malformed = owner.get("/api/v1/payments/not%20an%20id");

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(mine.json().get("providerReference").isNull()).isTrue();
        assertThat(mine.body()).doesNotContain("test_auth_").doesNotContain("tok_visa");
        assertThat(mine.json().get("history")).hasSize(2);
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.body()).doesNotContain("test_auth_");
        assertThat(staff.json().get("providerReference").asString()).startsWith("test_auth_");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(owner.get("/api/v1/payments?orderId=order-" + payment).json().get("payments"))
                .hasSize(1);
        assertThat(new ApiClient(port)
                        .as(TOKENS.valid("another-customer", "CUSTOMER"))
                        .get("/api/v1/payments?orderId=order-" + payment)
                        .json()
                        .get("payments"))
                .isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void cardTokensAndProviderReferencesNeverReachTheLogs(CapturedOutput output) {
        String approved = paymentId();
        String declined = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, approved, authorization(approved, "5.00", "tok_visa"));
        send(PaymentMessages.AUTHORIZE_PAYMENT, declined, authorization(declined, "-1", "tok_declined"));
        awaitReplies(approved, 1);
        send(PaymentMessages.VOID_PAYMENT, approved, new VoidPayment(approved, "cancelled", REPLIES));
        awaitReplies(approved, 2);

        assertThat(output.getAll())
                .doesNotContain("tok_visa")
                .doesNotContain("tok_declined")
                .doesNotContain("test_auth_");
    }

    @Test
    void theLedgerAndTheAuditLogRefuseToBeRewritten() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "8.00", "tok_visa"));
        awaitReplies(payment, 1);

        assertThatThrownBy(() -> jdbc.sql("update payment_ledger set amount = 1 where payment_id = :id")
                        .param("id", payment)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from payment_audit where payment_id = :id")
                        .param("id", payment)
                        .update())
                .hasMessageContaining("append-only");
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

    private Response callback(byte[] body, String signature) {
        ApiClient client = new ApiClient(port);
        if (signature != null) {
            client = client.with("X-Provider-Signature", signature);
        }
        return client.send(
                "POST",
                "/api/v1/payment-provider/callbacks",
                new String(body, StandardCharsets.UTF_8),
                "application/json");
    }

    private static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
