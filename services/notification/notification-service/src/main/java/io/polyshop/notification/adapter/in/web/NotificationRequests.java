package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Template;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What clients send to the notification API. */
final class NotificationRequests {

    private NotificationRequests() {}

    record TemplateRequest(
            @NotNull NotificationType type,
            @NotNull Channel channel,
            @NotBlank String locale,
            @NotBlank @Size(max = Template.MAX_SUBJECT) String subject,
            @NotBlank @Size(max = Template.MAX_BODY) String body) {}

    /** {@code version}, when given, must be the version the change was made from. */
    record TemplateChange(
            @NotBlank @Size(max = Template.MAX_SUBJECT) String subject,
            @NotBlank @Size(max = Template.MAX_BODY) String body,
            Long version) {}

    record PreferencesRequest(
            @NotNull Set<Channel> optedOut, @NotBlank String locale) {}
}
