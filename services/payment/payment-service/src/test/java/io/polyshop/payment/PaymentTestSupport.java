package io.polyshop.payment;

import static org.awaitility.Awaitility.await;

import io.polyshop.payment.adapter.out.testprovider.TestPaymentProvider;
import io.polyshop.payment.api.AuthorizePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.application.UnknownPaymentException;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.ProviderOutcome.Approved;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicPublisher;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the payment ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class PaymentTestSupport {

    static final String REPLIES = "payment-it.replies";
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final TestTokens TOKENS = TestTokens.shared();

    // Shared by every payment IT of the JVM, so left open: a daemon thread, it ends with the JVM.
    static final TopicRecorder replies = TopicRecorder.start(REPLIES);

    static final TopicRecorder events = TopicRecorder.start(PaymentMessages.EVENTS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    PaymentProcessing processing;

    String customer;
    ApiClient owner;

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

    static String paymentId() {
        return "pay-" + UUID.randomUUID();
    }

    AuthorizePayment authorization(String paymentId, String amount, String card) {
        return new AuthorizePayment(
                paymentId, "order-" + paymentId, customer, new BigDecimal(amount), "EUR", card, REPLIES);
    }

    static void send(String type, String paymentId, Object command) {
        TopicPublisher.shared().publish(PaymentMessages.COMMANDS, type, paymentId, command);
    }

    static List<TopicRecorder.Event> awaitReplies(String paymentId, int count) {
        replies.await(event -> replies.about(paymentId).size() >= count, DEADLINE);
        return replies.about(paymentId);
    }

    List<String> ledger(String paymentId) {
        return jdbc.sql("select kind from payment_ledger where payment_id = :id order by entry_id")
                .param("id", paymentId)
                .query(String.class)
                .list();
    }

    List<String> statusHistory(String paymentId) {
        return jdbc.sql("select coalesce(old_status, '-') || '>' || new_status from payment_audit"
                        + " where payment_id = :id order by audit_id")
                .param("id", paymentId)
                .query(String.class)
                .list();
    }

    /** Plays the provider's webhook: it can only report an authorization the provider performed. */
    void reportApprovalOnceTheProviderKnowsIt(String payment) {
        await().atMost(DEADLINE).until(() -> !provider.performedFor(payment).isEmpty());
        await().atMost(DEADLINE).ignoreException(UnknownPaymentException.class).until(() -> {
            processing.providerReported(new PaymentId(payment), new Approved("test_auth_from_webhook"));
            return true;
        });
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Response callback(byte[] body, String signature) {
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

    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
