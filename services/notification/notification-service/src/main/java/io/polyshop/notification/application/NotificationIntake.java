package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.DueDeliveries;
import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.application.port.out.Recipients;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.DeliveryStatus;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Recipient;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Turns what happened elsewhere into notifications, one per event however often the event arrives:
 * the notification's id comes from the event's, and a second insert of it changes nothing.
 */
public class NotificationIntake {

    private final Notifications notifications;
    private final Recipients recipients;
    private final Set<Channel> channels;
    private final Clock clock;
    private final DueDeliveries dueDeliveries;

    public NotificationIntake(
            Notifications notifications,
            Recipients recipients,
            Set<Channel> channels,
            Clock clock,
            DueDeliveries dueDeliveries) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.channels = Set.copyOf(channels);
        this.clock = clock;
        this.dueDeliveries = dueDeliveries;
    }

    /** True when the event raised a new notification, false when it had raised it before. */
    public boolean notify(
            String source, String eventId, CustomerId customer, NotificationType type, Map<String, Object> values) {
        Notification notification = Notification.raise(
                NotificationId.forEvent(source, eventId, type),
                customer,
                type,
                values,
                clock.instant(),
                channels,
                recipients.preferences(customer));
        boolean added = notifications.add(notification);
        if (added) {
            notification.deliveries().values().stream()
                    .filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
                    .forEach(delivery -> dueDeliveries.announce(notification.id(), delivery.channel()));
        }
        return added;
    }

    /** A new account: remember where its notifications go, then welcome it. */
    public boolean welcome(String source, String eventId, Recipient recipient) {
        recipients.save(recipient);
        return notify(source, eventId, recipient.customer(), NotificationType.USER_REGISTERED, Map.of());
    }
}
