package io.polyshop.inventory.adapter.out.dynamodb;

import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.ReservationStatus;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockLine;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A reservation as a DynamoDB item and back. */
final class ReservationItems {

    private ReservationItems() {}

    static Map<String, AttributeValue> toItem(Reservation reservation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(reservation.id().value()));
        item.put("status", AttributeValue.fromS(reservation.status().name()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(reservation.expiresAt().toEpochMilli())));
        item.put(
                "lines",
                AttributeValue.fromL(reservation.lines().stream()
                        .map(line -> AttributeValue.fromM(Map.of(
                                "sku", AttributeValue.fromS(line.sku().value()),
                                "quantity", AttributeValue.fromN(Integer.toString(line.quantity())))))
                        .toList()));
        if (reservation.orderId() != null) {
            item.put("orderId", AttributeValue.fromS(reservation.orderId()));
        }
        reservation.replyTo().ifPresent(topic -> item.put("replyTo", AttributeValue.fromS(topic)));
        if (reservation.reason() != null) {
            item.put("reason", AttributeValue.fromS(reservation.reason()));
        }
        return item;
    }

    static Reservation toReservation(Map<String, AttributeValue> item) {
        return new Reservation(
                new ReservationId(item.get("id").s()),
                text(item, "orderId"),
                item.get("lines").l().stream()
                        .map(line -> new StockLine(
                                new Sku(line.m().get("sku").s()),
                                Integer.parseInt(line.m().get("quantity").n())))
                        .toList(),
                ReservationStatus.valueOf(item.get("status").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("expiresAt").n())),
                Optional.ofNullable(text(item, "replyTo")),
                text(item, "reason"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : value.s();
    }
}
