package io.polyshop.inventory.application;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReservationConfirmationFailed;
import io.polyshop.inventory.api.ReservationConfirmed;
import io.polyshop.inventory.api.StockLow;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.inventory.api.StockReservationFailed;
import io.polyshop.inventory.api.StockReserved;
import io.polyshop.inventory.application.port.out.Message;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.Shortage;
import io.polyshop.inventory.domain.StockLevel;
import io.polyshop.inventory.domain.StockLine;
import java.util.List;
import java.util.Optional;

/** Inventory's answers to the saga, in the published contract's shapes, keyed by reservation id. */
final class Replies {

    private Replies() {}

    static List<Message> reserved(Reservation reservation, Optional<String> replyTo) {
        return to(
                replyTo,
                reservation,
                InventoryMessages.STOCK_RESERVED,
                new StockReserved(
                        reservation.id().value(),
                        reservation.orderId(),
                        lines(reservation.lines()),
                        reservation.expiresAt()));
    }

    static List<Message> reservationFailed(
            Reservation reservation, String reason, List<Shortage> shortages, Optional<String> replyTo) {
        return to(
                replyTo,
                reservation,
                InventoryMessages.STOCK_RESERVATION_FAILED,
                new StockReservationFailed(
                        reservation.id().value(),
                        reservation.orderId(),
                        reason,
                        shortages.stream()
                                .map(shortage -> new StockReservationFailed.ShortLine(
                                        shortage.sku().value(), shortage.requested(), shortage.available()))
                                .toList()));
    }

    static List<Message> confirmed(Reservation reservation, Optional<String> replyTo) {
        return to(
                replyTo,
                reservation,
                InventoryMessages.RESERVATION_CONFIRMED,
                new ReservationConfirmed(reservation.id().value(), reservation.orderId(), lines(reservation.lines())));
    }

    static List<Message> confirmationFailed(Reservation reservation, String reason, Optional<String> replyTo) {
        return to(
                replyTo,
                reservation,
                InventoryMessages.RESERVATION_CONFIRMATION_FAILED,
                new ReservationConfirmationFailed(reservation.id().value(), reservation.orderId(), reason));
    }

    static List<Message> released(Reservation reservation, Optional<String> replyTo) {
        return to(
                replyTo,
                reservation,
                InventoryMessages.STOCK_RELEASED,
                new StockReleased(
                        reservation.id().value(),
                        reservation.orderId(),
                        reservation.reason(),
                        lines(reservation.lines())));
    }

    static Message stockLow(StockLevel level, long threshold) {
        return new Message(
                InventoryMessages.EVENTS,
                level.sku().value(),
                InventoryMessages.STOCK_LOW,
                new StockLow(level.sku().value(), level.available(), threshold));
    }

    private static List<Message> to(Optional<String> replyTo, Reservation reservation, String type, Object payload) {
        return replyTo.map(topic -> new Message(topic, reservation.id().value(), type, payload)).stream()
                .toList();
    }

    private static List<io.polyshop.inventory.api.StockLine> lines(List<StockLine> lines) {
        return lines.stream()
                .map(line -> new io.polyshop.inventory.api.StockLine(line.sku().value(), line.quantity()))
                .toList();
    }
}
