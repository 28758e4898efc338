package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.notification.api.NotificationEvents;
import io.polyshop.order.api.OrderConfirmed;
import io.polyshop.order.api.OrderPlaced;
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
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What the notification ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class NotificationTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();
    static final TopicPublisher PUBLISHER = TopicPublisher.shared();
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final int SMTP_PORT = LoopbackPorts.free();
    static final List<WebhookCall> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();

    record WebhookCall(String body, String idempotencyKey, String traceparent) {}

    // Started once for every notification IT of the JVM: the Spring context they share keeps these addresses.
    static SmtpEngine smtp = SmtpEngine.start(SMTP_PORT);
    static final HttpServer webhook = webhookEndpoint();
    static final TopicRecorder notificationEvents = TopicRecorder.start(NotificationEvents.TOPIC);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    String customerId;
    String email;
    ApiClient customer;
    ApiClient admin;

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

    /** Records every call the webhook channel makes, and answers it as a messaging gateway would. */
    static HttpServer webhookEndpoint() {
        try {
            HttpServer endpoint = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 0);
            endpoint.createContext("/hooks", exchange -> {
                WEBHOOK_CALLS.add(new WebhookCall(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.getResponseHeaders().add("X-Message-Id", "hook-" + WEBHOOK_CALLS.size());
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            endpoint.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void registeredCustomer() {
        customerId = UUID.randomUUID().toString();
        email = "c-" + customerId.substring(0, 8) + "@example.test";
        customer = new ApiClient(port).as(TOKENS.valid(customerId, "CUSTOMER"));
        admin = new ApiClient(port).as(TOKENS.valid("ops-1", "ADMIN"));
        register(customerId, email, "Grace Hopper");
    }

    static void register(String customerId, String email, String name) {
        PUBLISHER.publish(
                IdentityEvents.TOPIC,
                IdentityEvents.USER_REGISTERED,
                customerId,
                new UserRegistered(UUID.fromString(customerId), email, name, Instant.now()));
    }

    OrderConfirmed confirmed(String orderId) {
        return new OrderConfirmed(
                orderId,
                customerId,
                List.of(new OrderPlaced.Line("LAP-0001", 2, new BigDecimal("449.50"))),
                new BigDecimal("899.00"),
                "EUR",
                Instant.now());
    }

    List<ReceivedMail> mailTo(String address) {
        return smtp.received().stream()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    JsonNode notificationOf(String type) {
        Response mine = customer.get("/api/v1/notifications?size=100");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        for (JsonNode notification : mine.json().get("notifications")) {
            if (notification.get("type").asText().equals(type)) {
                return notification;
            }
        }
        return null;
    }

    static JsonNode delivery(JsonNode notification, String channel) {
        for (JsonNode delivery : notification.get("deliveries")) {
            if (delivery.get("channel").asText().equals(channel)) {
                return delivery;
            }
        }
        throw new AssertionError("no " + channel + " delivery in " + notification);
    }

    static String statusOf(JsonNode notification, String channel) {
        return notification == null
                ? "none"
                : delivery(notification, channel).get("status").asText();
    }

    static Map<String, String> template(String locale, String subject, String body) {
        return Map.of(
                "type", "ORDER_CONFIRMED", "channel", "EMAIL", "locale", locale, "subject", subject, "body", body);
    }
}
