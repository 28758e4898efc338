package io.polyshop.notification.application.port.out;

import io.polyshop.notification.application.ResultPage;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where notifications and their deliveries are kept. */
public interface Notifications {

    /** Stores a new notification; false when one with its id exists (the event came again). */
    boolean add(Notification notification);

    Optional<Notification> find(NotificationId id);

    /** Ids of notifications whose delivery on {@code channel} is due at {@code now}, most overdue first. */
    List<NotificationId> due(Channel channel, Instant now, int limit);

    /**
     * Replaces {@code before} with {@code after} for the channel if the delivery is still as
     * {@code before} left it (same status and attempts); false when someone else changed it. A delivery
     * that gave up also records its failure to be announced.
     */
    boolean replace(NotificationId id, Delivery before, Delivery after, Optional<Notification> announceFailureOf);

    /** A customer's notifications, newest first. */
    ResultPage ofCustomer(CustomerId customer, int page, int size);

    /** Notifications with at least one DEAD delivery, oldest first. */
    ResultPage withDeadDeliveries(int page, int size);
}
