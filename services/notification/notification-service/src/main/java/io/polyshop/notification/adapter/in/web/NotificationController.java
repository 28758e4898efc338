package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.adapter.in.web.NotificationRequests.PreferencesRequest;
import io.polyshop.notification.adapter.in.web.NotificationViews.NotificationPage;
import io.polyshop.notification.adapter.in.web.NotificationViews.NotificationView;
import io.polyshop.notification.adapter.in.web.NotificationViews.PreferencesView;
import io.polyshop.notification.application.NotificationQueries;
import io.polyshop.notification.application.PreferenceSettings;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.OwnedResource;
import io.polyshop.platform.security.Ownership;
import io.polyshop.platform.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own notifications and preferences; another customer's notification answers 404. */
@RestController
@RequestMapping("/api/v1")
class NotificationController {

    private final NotificationQueries notifications;
    private final PreferenceSettings preferences;

    NotificationController(NotificationQueries notifications, PreferenceSettings preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    NotificationPage mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return NotificationViews.of(notifications.ofCustomer(caller(), page, size), page, size);
    }

    @GetMapping("/notifications/{id}")
    NotificationView notification(@PathVariable String id) {
        Notification notification = notifications.notification(
                NotificationId.parse(id).orElseThrow(() -> new ResourceNotFoundException("notification", id)));
        Ownership.requireReader(
                OwnedResource.NOTIFICATION, notification.customer().value(), id);
        return NotificationViews.of(notification);
    }

    @GetMapping("/notification-preferences")
    PreferencesView preferences() {
        return NotificationViews.of(preferences.of(caller()));
    }

    /** Channels listed in {@code optedOut} send nothing for notifications raised from now on. */
    @PutMapping("/notification-preferences")
    PreferencesView changePreferences(@Valid @RequestBody PreferencesRequest request) {
        return NotificationViews.of(preferences.change(caller(), request.optedOut(), request.locale()));
    }

    private static CustomerId caller() {
        return new CustomerId(Caller.current().orElseThrow().id());
    }
}
