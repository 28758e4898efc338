package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who reads what: customers their own notifications, administration for admins, and bad input refused. */
class NotificationAccessIT extends NotificationTestSupport {

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
}
