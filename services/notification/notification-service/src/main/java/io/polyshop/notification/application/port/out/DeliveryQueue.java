package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;

/** Tells the senders that a delivery is due now, so it goes out without waiting for the next sweep. */
public interface DeliveryQueue {

    void due(NotificationId id, Channel channel);
}
