package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;

/** Where a delivery is announced as due now, so that it goes out without waiting for the next sweep. */
public interface DueDeliveries {

    void announce(NotificationId id, Channel channel);
}
