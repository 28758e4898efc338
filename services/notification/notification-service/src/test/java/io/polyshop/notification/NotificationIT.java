package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.notification.api.NotificationEvents;
import io.polyshop.order.api.OrderCancelled;
import io.polyshop.order.api.OrderConfirmed;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.order.api.OrderRejected;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.engines.SmtpEngine.ReceivedMail;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicPublisher;
import io.polyshop.platform.test.TopicRecorder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class NotificationIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final TopicPublisher PUBLISHER = TopicPublisher.shared();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SMTP_PORT = LoopbackPorts.free();
    private static final List<WebhookCall> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();

    private record WebhookCall(String body, String idempotencyKey, String traceparent) {}

    private static SmtpEngine smtp = SmtpEngine.start(SMTP_PORT);
    private static HttpServer webhook;
    private static TopicRecorder notificationEvents;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private String customerId;
    private String email;
    private ApiClient customer;
    private ApiClient admin;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.mongo(registry, "notification");
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add(
                "polyshop.notification.webhook-url",
                () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks");
    }

    @BeforeAll
    static void listen() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 0);
        webhook.createContext("/hooks", exchange -> {
            WEBHOOK_CALLS.add(new WebhookCall(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getResponseHeaders().add("X-Message-Id", "hook-" + WEBHOOK_CALLS.size());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        webhook.start();
        notificationEvents = TopicRecorder.start(NotificationEvents.TOPIC);
    }

    @AfterAll
    static void stop() {
        webhook.stop(0);
        notificationEvents.close();
        smtp.close();
    }

    @BeforeEach
    void registeredCustomer() {
        customerId = UUID.randomUUID().toString();
        email = "c-" + customerId.substring(0, 8) + "@example.test";
        customer = new ApiClient(port).as(TOKENS.valid(customerId, "CUSTOMER"));
        admin = new ApiClient(port).as(TOKENS.valid("ops-1", "ADMIN"));
        register(customerId, email, "Grace Hopper");
    }

    private static void register(String customerId, String email, String name) {
        PUBLISHER.publish(
                IdentityEvents.TOPIC,
                IdentityEvents.USER_REGISTERED,
                customerId,
                new UserRegistered(UUID.fromString(customerId), email, name, Instant.now()));
    }

    private OrderConfirmed confirmed(String orderId) {
        return new OrderConfirmed(
                orderId,
                customerId,
                List.of(new OrderPlaced.Line("LAP-0001", 2, new BigDecimal("449.50"))),
                new BigDecimal("899.00"),
                "EUR",
                Instant.now());
    }

    private List<ReceivedMail> mailTo(String address) {
        return smtp.received().stream()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private JsonNode notificationOf(String type) {
        Response mine = customer.get("/api/v1/notifications?size=100");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        for (JsonNode notification : mine.json().get("notifications")) {
            if (notification.get("type").asText().equals(type)) {
                return notification;
            }
        }
        return null;
    }

    private static JsonNode delivery(JsonNode notification, String channel) {
        for (JsonNode delivery : notification.get("deliveries")) {
            if (delivery.get("channel").asText().equals(channel)) {
                return delivery;
            }
        }
        throw new AssertionError("no " + channel + " delivery in " + notification);
    }

    private static String statusOf(JsonNode notification, String channel) {
        return notification == null
                ? "none"
                : delivery(notification, channel).get("status").asText();
    }

    @Test
    void sendsExactlyOneEmailForAConfirmedOrderEvenWhenTheEventArrivesTwice() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        PUBLISHER.publish(OrderEvents.TOPIC, eventId, OrderEvents.ORDER_CONFIRMED, orderId, confirmed(orderId));
        PUBLISHER.publish(OrderEvents.TOPIC, eventId, OrderEvents.ORDER_CONFIRMED, orderId, confirmed(orderId));
        // Same key, so the same partition: once this one is mailed, both copies above were consumed.
        PUBLISHER.publish(
                OrderEvents.TOPIC,
                OrderEvents.ORDER_CANCELLED,
                orderId,
                new OrderCancelled(orderId, customerId, "Cancelled at your request.", Instant.now()));

        await().atMost(DEADLINE).until(() -> mailTo(email).size() >= 2);
        await().atMost(DEADLINE).until(() -> "SENT".equals(statusOf(notificationOf("ORDER_CANCELLED"), "EMAIL")));

        List<ReceivedMail> confirmations = mailTo(email).stream()
                .filter(mail -> mail.subject().equals("Your order " + orderId + " is confirmed"))
                .toList();
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.getFirst().body()).contains("Grace Hopper", "899.00 EUR", "LAP-0001");
        JsonNode notification = notificationOf("ORDER_CONFIRMED");
        JsonNode mail = delivery(notification, "EMAIL");
        assertThat(mail.get("status").asText()).isEqualTo("SENT");
        assertThat(mail.get("attempts").asInt()).isEqualTo(1);
        assertThat(mail.get("to").asText()).isEqualTo(email);
        assertThat(mail.get("providerMessageId").asText())
                .isEqualTo(confirmations.getFirst().messageId());
        assertThat(delivery(notification, "WEBHOOK").get("status").asText()).isEqualTo("SENT");
        List<WebhookCall> hooked = WEBHOOK_CALLS.stream()
                .filter(call -> call.body().contains(orderId) && call.body().contains("confirmed"))
                .toList();
        assertThat(hooked).hasSize(1);
        assertThat(hooked.getFirst().idempotencyKey())
                .isEqualTo(notification.get("id").asText());
        assertThat(hooked.getFirst().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(customer.get("/api/v1/notifications").json().get("notifications"))
                .hasSize(3); // welcome, confirmed, cancelled
    }

    @Test
    void tellsTheCustomerAboutARefundAndARejectedOrder() {
        String orderId = UUID.randomUUID().toString();
        PUBLISHER.publish(
                PaymentMessages.EVENTS,
                PaymentMessages.PAYMENT_REFUNDED,
                orderId,
                new PaymentRefunded(
                        UUID.randomUUID().toString(),
                        orderId,
                        customerId,
                        new BigDecimal("104.9"),
                        "EUR",
                        "Order cancelled"));
        PUBLISHER.publish(
                OrderEvents.TOPIC,
                OrderEvents.ORDER_REJECTED,
                orderId,
                new OrderRejected(orderId, customerId, "Your card was declined; nothing was charged.", Instant.now()));

        await().atMost(DEADLINE)
                .until(() ->
                        mailTo(email).stream().anyMatch(mail -> mail.subject().equals("We refunded 104.90 EUR")));
        await().atMost(DEADLINE)
                .until(() -> mailTo(email).stream()
                        .anyMatch(mail -> mail.subject().equals("We could not accept your order " + orderId)
                                && mail.body().contains("Your card was declined; nothing was charged.")));
        JsonNode refund = notificationOf("PAYMENT_REFUNDED");
        assertThat(refund.get("values").get("orderId").asText()).isEqualTo(orderId);
        assertThat(refund.get("locale").asText()).isEqualTo("en");
    }

    @Test
    void retriesWhileSmtpIsDownAndDeliversWhenItReturns() {
        smtp.close();
        try {
            String orderId = UUID.randomUUID().toString();
            PUBLISHER.publish(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED, orderId, confirmed(orderId));

            await().atMost(DEADLINE).until(() -> {
                JsonNode notification = notificationOf("ORDER_CONFIRMED");
                return notification != null
                        && delivery(notification, "EMAIL").get("attempts").asInt() >= 2
                        && statusOf(notification, "EMAIL").equals("PENDING");
            });
            JsonNode failing = delivery(notificationOf("ORDER_CONFIRMED"), "EMAIL");
            assertThat(failing.get("log").toString()).contains("SMTP did not accept the message");
        } finally {
            smtp = SmtpEngine.start(SMTP_PORT);
        }
        await().atMost(DEADLINE).until(() -> "SENT".equals(statusOf(notificationOf("ORDER_CONFIRMED"), "EMAIL")));
        assertThat(mailTo(email)).anyMatch(mail -> mail.subject().endsWith("is confirmed"));
        String metrics =
                new ApiClient(managementPort).get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern(
                        "polyshop_notification_delivery_attempts_total\\{channel=\"EMAIL\",[^}]*status=\"PENDING\"")
                .containsPattern(
                        "polyshop_notification_delivery_attempts_total\\{channel=\"EMAIL\",[^}]*status=\"SENT\"");
    }

    @Test
    void givesUpAfterTheLastAttemptAnnouncesItAndAnAdminCanSendItAgain() {
        smtp.close();
        String notificationId;
        try {
            String orderId = UUID.randomUUID().toString();
            PUBLISHER.publish(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED, orderId, confirmed(orderId));
            await().atMost(DEADLINE).until(() -> "DEAD".equals(statusOf(notificationOf("ORDER_CONFIRMED"), "EMAIL")));
            JsonNode notification = notificationOf("ORDER_CONFIRMED");
            notificationId = notification.get("id").asText();
            assertThat(delivery(notification, "EMAIL").get("attempts").asInt()).isEqualTo(5);
            notificationEvents.await(
                    event -> event.subject().equals(notificationId)
                            && event.data().get("channel").asText().equals("EMAIL")
                            && event.data().get("attempts").asInt() == 5,
                    DEADLINE);
            Response dead = admin.get("/api/v1/admin/notifications/dead-deliveries?size=100");
            assertThat(dead.status()).isEqualTo(200);
            assertThat(dead.body()).contains(notificationId);
        } finally {
            smtp = SmtpEngine.start(SMTP_PORT);
        }

        assertThat(customer.post("/api/v1/admin/notifications/" + notificationId + "/deliveries/EMAIL/resend")
                        .status())
                .isEqualTo(403);
        Response resent = admin.post("/api/v1/admin/notifications/" + notificationId + "/deliveries/EMAIL/resend");
        assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> "SENT".equals(statusOf(notificationOf("ORDER_CONFIRMED"), "EMAIL")));
        assertThat(mailTo(email)).anyMatch(mail -> mail.subject().endsWith("is confirmed"));
        Response again = admin.post("/api/v1/admin/notifications/" + notificationId + "/deliveries/EMAIL/resend");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anOptedOutChannelSendsNothing() {
        Response changed =
                customer.put("/api/v1/notification-preferences", Map.of("optedOut", List.of("EMAIL"), "locale", "en"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String orderId = UUID.randomUUID().toString();
        PUBLISHER.publish(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED, orderId, confirmed(orderId));

        await().atMost(DEADLINE).until(() -> "SENT".equals(statusOf(notificationOf("ORDER_CONFIRMED"), "WEBHOOK")));
        JsonNode notification = notificationOf("ORDER_CONFIRMED");
        assertThat(statusOf(notification, "EMAIL")).isEqualTo("OPTED_OUT");
        assertThat(delivery(notification, "EMAIL").get("attempts").asInt()).isZero();
        assertThat(mailTo(email)).noneMatch(mail -> mail.subject().contains(orderId));
    }

    @Test
    void escapesWhatCustomersWroteThemselves() {
        String sneakyId = UUID.randomUUID().toString();
        String sneakyEmail = "s-" + sneakyId.substring(0, 8) + "@example.test";
        register(sneakyId, sneakyEmail, "<script>alert('x')</script>\r\nBcc: victim@example.test");

        await().atMost(DEADLINE).until(() -> !mailTo(sneakyEmail).isEmpty());
        ReceivedMail welcome = mailTo(sneakyEmail).getFirst();
        assertThat(welcome.to()).containsExactly(sneakyEmail);
        assertThat(welcome.subject()).doesNotContain("\r", "\n").startsWith("Welcome to Polyshop, <script>");
        assertThat(welcome.body())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(mailTo("victim@example.test")).isEmpty();
    }

    @Test
    void refusesInvalidTemplatesWith400AndStoresNothing() {
        Map<String, String> unknownVariable = template("de", "Hallo {{customerName}}", "<p>{{password}}</p>");
        Map<String, String> brokenSyntax = template("de", "Hallo", "<p>{{#lines}}{{sku}}</p>");
        Map<String, String> unescaped = template("de", "Hallo", "<p>{{{customerName}}}</p>");
        Map<String, String> outsideItsList = template("de", "Hallo", "<p>{{sku}}</p>");

        for (Map<String, String> invalid : List.of(unknownVariable, brokenSyntax, unescaped, outsideItsList)) {
            Response refused = admin.post("/api/v1/admin/notification-templates", invalid);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("body");
            Response preview = admin.post("/api/v1/admin/notification-templates/preview", invalid);
            assertThat(preview.status()).isEqualTo(400);
        }
        assertThat(admin.get("/api/v1/admin/notification-templates/ORDER_CONFIRMED/EMAIL/de")
                        .status())
                .isEqualTo(404);

        JsonNode shipped = admin.get("/api/v1/admin/notification-templates/ORDER_CONFIRMED/EMAIL/en")
                .json();
        Response badChange = admin.put(
                "/api/v1/admin/notification-templates/ORDER_CONFIRMED/EMAIL/en",
                Map.of("subject", "Order {{orderId}", "body", "<p>fine</p>"));
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(badChange.json().get("errors").get(0).get("field").asText()).isEqualTo("subject");
        assertThat(admin.get("/api/v1/admin/notification-templates/ORDER_CONFIRMED/EMAIL/en")
                        .json())
                .isEqualTo(shipped);
    }

    @Test
    void administersTemplatesPerLocaleAndPreviewsThemWithSampleValues() {
        String locale = "fr-" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
        Map<String, String> french = Map.of(
                "type", "ORDER_REJECTED",
                "channel", "EMAIL",
                "locale", locale,
                "subject", "Commande {{orderId}} refusée",
                "body", "<p>Bonjour {{customerName}}, {{reason}}</p>");

        Response preview = admin.post("/api/v1/admin/notification-templates/preview", french);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("body").asText())
                .isEqualTo("<p>Bonjour Ada Lovelace, Your card was declined; nothing was charged.</p>");

        Response created = admin.post("/api/v1/admin/notification-templates", french);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(admin.post("/api/v1/admin/notification-templates", french).status())
                .isEqualTo(409);

        String path = "/api/v1/admin/notification-templates/ORDER_REJECTED/EMAIL/" + locale;
        Response changed =
                admin.put(path, Map.of("subject", "Commande {{orderId}}", "body", "<p>{{reason}}</p>", "version", 1));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        Response stale = admin.put(path, Map.of("subject", "x", "body", "<p>y</p>", "version", 1));
        assertThat(stale.status()).isEqualTo(409);

        Response chosen =
                customer.put("/api/v1/notification-preferences", Map.of("optedOut", List.of(), "locale", locale));
        assertThat(chosen.status()).isEqualTo(200);
        String orderId = UUID.randomUUID().toString();
        PUBLISHER.publish(
                OrderEvents.TOPIC,
                OrderEvents.ORDER_REJECTED,
                orderId,
                new OrderRejected(orderId, customerId, "Rupture de stock", Instant.now()));
        await().atMost(DEADLINE)
                .until(() ->
                        mailTo(email).stream().anyMatch(mail -> mail.subject().equals("Commande " + orderId)));
    }

    @Test
    void customersReadOnlyTheirOwnNotificationsAndAdministrationIsForAdmins() {
        await().atMost(DEADLINE).until(() -> notificationOf("USER_REGISTERED") != null);
        String welcomeId = notificationOf("USER_REGISTERED").get("id").asText();

        assertThat(customer.get("/api/v1/notifications/" + welcomeId).status()).isEqualTo(200);
        ApiClient stranger =
                new ApiClient(port).as(TOKENS.valid(UUID.randomUUID().toString(), "CUSTOMER"));
        Response theirs = stranger.get("/api/v1/notifications/" + welcomeId);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/notifications/not-an-id").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/notifications").json().get("notifications"))
                .isEmpty();

        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/admin/notification-templates").status())
                .isEqualTo(401);
        assertThat(customer.get("/api/v1/admin/notification-templates").status())
                .isEqualTo(403);
        ApiClient support = new ApiClient(port).as(TOKENS.valid("helper", "SUPPORT"));
        assertThat(support.get("/api/v1/notifications/" + welcomeId).status()).isEqualTo(200);
        assertThat(support.get("/api/v1/admin/notification-templates").status()).isEqualTo(200);
        assertThat(support.post("/api/v1/admin/notification-templates", template("it", "Ciao", "<p>ciao</p>"))
                        .status())
                .isEqualTo(403);
        assertThat(customer.post("/api/v1/admin/notification-templates", Map.of("subject", ""))
                        .status())
                .as("refused before the body is validated")
                .isEqualTo(403);
        assertThat(customer.get("/api/v1/admin/notifications/dead-deliveries").status())
                .isEqualTo(403);
        assertThat(customer.post("/api/v1/admin/notification-templates", template("it", "Ciao", "<p>ciao</p>"))
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/notification-templates/ORDER_CONFIRMED/EMAIL/it")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/notification-templates").json()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void refusesBadInputWithProblemDetails() {
        Response unknownChannel =
                customer.put("/api/v1/notification-preferences", Map.of("optedOut", List.of("PIGEON"), "locale", "en"));
        assertThat(unknownChannel.status()).isEqualTo(400);
        Response badLocale =
                customer.put("/api/v1/notification-preferences", Map.of("optedOut", List.of(), "locale", "english"));
        assertThat(badLocale.status()).isEqualTo(400);
        assertThat(badLocale.json().get("errors").get(0).get("field").asText()).isEqualTo("locale");
        assertThat(customer.get("/api/v1/notification-preferences")
                        .json()
                        .get("locale")
                        .asText())
                .isEqualTo("en");
        assertThat(customer.get("/api/v1/notifications?size=0").status()).isEqualTo(400);
        assertThat(customer.get("/api/v1/notifications?size=101").status()).isEqualTo(400);
        assertThat(customer.get("/api/v1/notifications?page=-1").status()).isEqualTo(400);
        Response unknownType = admin.post(
                "/api/v1/admin/notification-templates",
                Map.of("type", "BIRTHDAY", "channel", "EMAIL", "locale", "en", "subject", "s", "body", "b"));
        assertThat(unknownType.status()).isEqualTo(400);
        Response missingBody = admin.post(
                "/api/v1/admin/notification-templates",
                Map.of("type", "ORDER_CONFIRMED", "channel", "EMAIL", "locale", "en", "subject", "s"));
        assertThat(missingBody.status()).isEqualTo(400);
    }

    private static Map<String, String> template(String locale, String subject, String body) {
        return Map.of(
                "type", "ORDER_CONFIRMED", "channel", "EMAIL", "locale", locale, "subject", subject, "body", body);
    }
}
