package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.DueDeliveries;
import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryStateException;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import java.time.Clock;
import java.util.Optional;

/** Deliveries that gave up, for operators: list them, send one again. */
public class DeadDeliveries {

    private final Notifications notifications;
    private final Clock clock;
    private final DueDeliveries dueDeliveries;

    public DeadDeliveries(Notifications notifications, Clock clock, DueDeliveries dueDeliveries) {
        this.notifications = notifications;
        this.clock = clock;
        this.dueDeliveries = dueDeliveries;
    }

    public ResultPage list(int page, int size) {
        return notifications.withDeadDeliveries(page, size);
    }

    /** Gives a dead delivery a fresh set of attempts, due now. */
    public Notification resend(NotificationId id, Channel channel, String by) {
        Notification notification =
                notifications.find(id).orElseThrow(() -> new UnknownResourceException("notification", id));
        Delivery dead = notification
                .delivery(channel)
                .orElseThrow(() -> new UnknownResourceException("delivery", id + "/" + channel));
        Delivery again = dead.resent(clock.instant(), by);
        if (!notifications.replace(id, dead, again, Optional.empty())) {
            throw new DeliveryStateException(channel + " delivery of " + id + " changed meanwhile; look again");
        }
        dueDeliveries.announce(id, channel);
        return notifications.find(id).orElseThrow();
    }
}
