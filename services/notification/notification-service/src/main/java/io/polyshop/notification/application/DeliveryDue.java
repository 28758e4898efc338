package io.polyshop.notification.application;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;

/** A delivery to attempt now rather than at the next sweep. */
public record DeliveryDue(NotificationId id, Channel channel) {}
