package io.polyshop.notification.adapter.out.mongo;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryLogEntry;
import io.polyshop.notification.domain.DeliveryStatus;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.RenderedMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * How a notification is laid out in its document: deliveries sit under {@code deliveries.<CHANNEL>},
 * so each channel's delivery is changed by one field path.
 */
final class NotificationDocuments {

    static final String COLLECTION = "notifications";
    static final String DELIVERIES = "deliveries";

    private NotificationDocuments() {}

    static String path(Channel channel, String field) {
        return DELIVERIES + "." + channel.name() + (field.isEmpty() ? "" : "." + field);
    }

    static Document toDocument(Notification notification) {
        Document deliveries = new Document();
        notification.deliveries().forEach((channel, delivery) -> deliveries.put(channel.name(), toDocument(delivery)));
        return new Document("_id", notification.id().toString())
                .append("customerId", notification.customer().value())
                .append("type", notification.type().name())
                .append("locale", notification.locale())
                .append("values", new Document(notification.values()))
                .append("createdAt", Date.from(notification.createdAt()))
                .append(DELIVERIES, deliveries);
    }

    static Document toDocument(Delivery delivery) {
        Document document = new Document("status", delivery.status().name()).append("attempts", delivery.attempts());
        delivery.dueAt().ifPresent(due -> document.append("dueAt", Date.from(due)));
        delivery.message()
                .ifPresent(message -> document.append(
                        "message",
                        new Document("to", message.to())
                                .append("subject", message.subject())
                                .append("body", message.body())));
        delivery.providerMessageId().ifPresent(id -> document.append("providerMessageId", id));
        List<Document> log = new ArrayList<>();
        for (DeliveryLogEntry entry : delivery.log()) {
            log.add(new Document("at", Date.from(entry.at()))
                    .append("status", entry.status().name())
                    .append("attempt", entry.attempt())
                    .append("detail", entry.detail()));
        }
        return document.append("log", log);
    }

    static Notification toNotification(Document document) {
        Map<Channel, Delivery> deliveries = new EnumMap<>(Channel.class);
        Document stored = document.get(DELIVERIES, Document.class);
        for (Channel channel : Channel.values()) {
            Document delivery = stored.get(channel.name(), Document.class);
            if (delivery != null) {
                deliveries.put(channel, toDelivery(channel, delivery));
            }
        }
        return new Notification(
                new NotificationId(UUID.fromString(document.getString("_id"))),
                new CustomerId(document.getString("customerId")),
                NotificationType.valueOf(document.getString("type")),
                document.getString("locale"),
                values(document.get("values", Document.class)),
                document.getDate("createdAt").toInstant(),
                deliveries);
    }

    private static Map<String, Object> values(Document values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    /** Documents read back as maps, lists element by element, so templates see the values as they were. */
    private static Object plain(Object value) {
        if (value instanceof Document document) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.forEach((key, inner) -> map.put(key, plain(inner)));
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NotificationDocuments::plain).toList();
        }
        return value;
    }

    private static Delivery toDelivery(Channel channel, Document document) {
        Document message = document.get("message", Document.class);
        List<DeliveryLogEntry> log = document.getList("log", Document.class, List.of()).stream()
                .map(entry -> new DeliveryLogEntry(
                        entry.getDate("at").toInstant(),
                        DeliveryStatus.valueOf(entry.getString("status")),
                        entry.getInteger("attempt", 0),
                        entry.getString("detail")))
                .toList();
        return new Delivery(
                channel,
                DeliveryStatus.valueOf(document.getString("status")),
                document.getInteger("attempts", 0),
                Optional.ofNullable(document.getDate("dueAt")).map(Date::toInstant),
                Optional.ofNullable(message)
                        .map(stored -> new RenderedMessage(
                                stored.getString("to"), stored.getString("subject"), stored.getString("body"))),
                Optional.ofNullable(document.getString("providerMessageId")),
                log);
    }
}
