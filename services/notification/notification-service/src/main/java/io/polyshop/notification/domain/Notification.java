package io.polyshop.notification.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something the shop tells one customer: its type, the locale it is written in (the customer's when
 * it was raised), the values its templates show, and one delivery per channel. {@code values} hold
 * text, or lists of text maps for list variables.
 */
public record Notification(
        NotificationId id,
        CustomerId customer,
        NotificationType type,
        String locale,
        Map<String, Object> values,
        Instant createdAt,
        Map<Channel, Delivery> deliveries) {

    public Notification {
        TemplateKey.requireLocale(locale);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        deliveries = deliveries.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(deliveries));
    }

    /**
     * A new notification in the customer's locale, due at once on every channel they want among
     * {@code channels}.
     */
    public static Notification raise(
            NotificationId id,
            CustomerId customer,
            NotificationType type,
            Map<String, Object> values,
            Instant now,
            Set<Channel> channels,
            Preferences preferences) {
        Map<Channel, Delivery> deliveries = new EnumMap<>(Channel.class);
        for (Channel channel : channels) {
            deliveries.put(
                    channel, preferences.wants(channel) ? Delivery.due(channel, now) : Delivery.optedOut(channel, now));
        }
        return new Notification(id, customer, type, preferences.locale(), values, now, deliveries);
    }

    public Optional<Delivery> delivery(Channel channel) {
        return Optional.ofNullable(deliveries.get(channel));
    }
}
