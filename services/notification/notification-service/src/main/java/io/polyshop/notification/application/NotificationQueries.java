package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;

/** Reads notifications for customers and staff. */
public class NotificationQueries {

    private final Notifications notifications;

    public NotificationQueries(Notifications notifications) {
        this.notifications = notifications;
    }

    public ResultPage ofCustomer(CustomerId customer, int page, int size) {
        return notifications.ofCustomer(customer, page, size);
    }

    public Notification notification(NotificationId id) {
        return notifications.find(id).orElseThrow(() -> new UnknownResourceException("notification", id));
    }
}
