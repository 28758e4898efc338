package io.polyshop.notification.application;

import io.polyshop.notification.domain.Notification;
import java.util.List;

/** One page of notifications, and whether more follow. */
public record ResultPage(List<Notification> notifications, boolean more) {}
