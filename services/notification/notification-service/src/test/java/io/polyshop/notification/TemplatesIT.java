package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderRejected;
import io.polyshop.platform.test.ApiClient.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Templates as staff administer them: per locale, previewed with sample values, refused when they cannot be used. */
class TemplatesIT extends NotificationTestSupport {

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
}
