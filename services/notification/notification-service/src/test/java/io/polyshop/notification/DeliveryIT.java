package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.order.api.OrderCancelled;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderRejected;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.engines.SmtpEngine.ReceivedMail;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sending: once per event, retried while SMTP is away, given up and sent again by an admin, opted-out channels skipped, what customers wrote escaped. */
class DeliveryIT extends NotificationTestSupport {

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
}
