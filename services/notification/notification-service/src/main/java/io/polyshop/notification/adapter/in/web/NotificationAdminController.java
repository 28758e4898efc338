package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.adapter.in.web.NotificationRequests.TemplateChange;
import io.polyshop.notification.adapter.in.web.NotificationRequests.TemplateRequest;
import io.polyshop.notification.adapter.in.web.NotificationViews.NotificationPage;
import io.polyshop.notification.adapter.in.web.NotificationViews.NotificationView;
import io.polyshop.notification.adapter.in.web.NotificationViews.PreviewView;
import io.polyshop.notification.adapter.in.web.NotificationViews.TemplateView;
import io.polyshop.notification.application.DeadDeliveries;
import io.polyshop.notification.application.TemplateAdministration;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.TemplateKey;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Templates and dead deliveries, for administrators only. A template is checked before it is stored:
 * broken syntax, a variable its type does not have, or unescaped output answers 400 and stores nothing.
 */
@RestController
@RequestMapping("/api/v1/admin")
class NotificationAdminController {

    private final TemplateAdministration templates;
    private final DeadDeliveries dead;

    NotificationAdminController(TemplateAdministration templates, DeadDeliveries dead) {
        this.templates = templates;
        this.dead = dead;
    }

    @GetMapping("/notification-templates")
    List<TemplateView> templates() {
        return templates.all().stream().map(NotificationViews::of).toList();
    }

    @GetMapping("/notification-templates/{type}/{channel}/{locale}")
    TemplateView template(
            @PathVariable NotificationType type, @PathVariable Channel channel, @PathVariable String locale) {
        return NotificationViews.of(templates.template(new TemplateKey(type, channel, locale)));
    }

    @PostMapping("/notification-templates")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A template for that type, channel and locale exists")
    ResponseEntity<TemplateView> create(@Valid @RequestBody TemplateRequest request) {
        TemplateKey key = new TemplateKey(request.type(), request.channel(), request.locale());
        TemplateView created = NotificationViews.of(templates.create(key, request.subject(), request.body()));
        return ResponseEntity.created(URI.create("/api/v1/admin/notification-templates/" + key))
                .body(created);
    }

    @PutMapping("/notification-templates/{type}/{channel}/{locale}")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "The template changed since the version sent")
    TemplateView update(
            @PathVariable NotificationType type,
            @PathVariable Channel channel,
            @PathVariable String locale,
            @Valid @RequestBody TemplateChange change) {
        return NotificationViews.of(templates.update(
                new TemplateKey(type, channel, locale),
                change.subject(),
                change.body(),
                Optional.ofNullable(change.version())));
    }

    /** Renders a template with its type's sample values, without storing it. */
    @PostMapping("/notification-templates/preview")
    PreviewView preview(@Valid @RequestBody TemplateRequest request) {
        return NotificationViews.of(templates.preview(
                new TemplateKey(request.type(), request.channel(), request.locale()),
                request.subject(),
                request.body()));
    }

    /** Notifications with a delivery that gave up, oldest first. */
    @GetMapping("/notifications/dead-deliveries")
    NotificationPage deadDeliveries(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return NotificationViews.of(dead.list(page, size), page, size);
    }

    /** Sends a dead delivery again, with a fresh set of attempts. */
    @PostMapping("/notifications/{id}/deliveries/{channel}/resend")
    @ApiResponse(responseCode = "202", description = "Queued again with a fresh set of attempts")
    @ApiResponse(responseCode = "409", description = "That delivery has not given up")
    ResponseEntity<NotificationView> resend(@PathVariable String id, @PathVariable Channel channel) {
        NotificationId notification =
                NotificationId.parse(id).orElseThrow(() -> new ResourceNotFoundException("notification", id));
        return ResponseEntity.accepted()
                .body(NotificationViews.of(dead.resend(
                        notification,
                        channel,
                        "admin " + Caller.current().orElseThrow().id())));
    }
}
