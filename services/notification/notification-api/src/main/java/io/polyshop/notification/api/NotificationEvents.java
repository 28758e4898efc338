package io.polyshop.notification.api;

/** Where the notification service announces what it could not deliver, keyed by notification id. */
public final class NotificationEvents {

    public static final String TOPIC = "notification.events";

    public static final String DELIVERY_FAILED = "polyshop.notification.delivery-failed.v1";

    private NotificationEvents() {}
}
