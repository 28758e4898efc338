package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.application.ResultPage;
import io.polyshop.notification.application.TemplateAdministration;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryLogEntry;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.Preferences;
import io.polyshop.notification.domain.Template;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of the notification API. */
final class NotificationViews {

    private NotificationViews() {}

    record NotificationView(
            String id,
            String customerId,
            String type,
            String locale,
            Instant createdAt,
            Map<String, Object> values,
            List<DeliveryView> deliveries) {}

    record DeliveryView(
            Channel channel,
            String status,
            int attempts,
            @Schema(nullable = true) Instant nextAttemptAt,
            @Schema(nullable = true) String to,
            @Schema(nullable = true) String subject,
            @Schema(nullable = true) String body,
            @Schema(nullable = true) String providerMessageId,
            List<DeliveryLogEntry> log) {}

    record NotificationPage(List<NotificationView> notifications, int page, int size, boolean more) {}

    record TemplateView(
            String type,
            Channel channel,
            String locale,
            @Schema(nullable = true) String subject,
            String body,
            long version,
            Instant updatedAt) {}

    record PreviewView(@Schema(nullable = true) String subject, String body) {}

    record PreferencesView(Set<Channel> optedOut, String locale) {}

    static NotificationView of(Notification notification) {
        return new NotificationView(
                notification.id().toString(),
                notification.customer().value(),
                notification.type().name(),
                notification.locale(),
                notification.createdAt(),
                notification.values(),
                notification.deliveries().values().stream()
                        .map(NotificationViews::of)
                        .toList());
    }

    static NotificationPage of(ResultPage found, int page, int size) {
        return new NotificationPage(
                found.notifications().stream().map(NotificationViews::of).toList(), page, size, found.more());
    }

    private static DeliveryView of(Delivery delivery) {
        return new DeliveryView(
                delivery.channel(),
                delivery.status().name(),
                delivery.attempts(),
                delivery.dueAt().orElse(null),
                delivery.message().map(message -> message.to()).orElse(null),
                delivery.message().map(message -> message.subject()).orElse(null),
                delivery.message().map(message -> message.body()).orElse(null),
                delivery.providerMessageId().orElse(null),
                delivery.log());
    }

    static TemplateView of(Template template) {
        return new TemplateView(
                template.key().type().name(),
                template.key().channel(),
                template.key().locale(),
                template.subject(),
                template.body(),
                template.version(),
                template.updatedAt());
    }

    static PreviewView of(TemplateAdministration.Preview preview) {
        return new PreviewView(preview.subject(), preview.body());
    }

    static PreferencesView of(Preferences preferences) {
        return new PreferencesView(preferences.optedOut(), preferences.locale());
    }
}
