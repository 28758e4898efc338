package io.polyshop.notification.api;

import java.time.Instant;

/**
 * A notification could not be delivered on one channel after every attempt; an operator may send it
 * again. {@code type} is the notification type (e.g. {@code ORDER_CONFIRMED}), {@code channel} one
 * of {@code EMAIL}, {@code WEBHOOK}.
 */
public record NotificationDeliveryFailed(
        String notificationId,
        String customerId,
        String type,
        String channel,
        int attempts,
        String reason,
        Instant failedAt) {}
