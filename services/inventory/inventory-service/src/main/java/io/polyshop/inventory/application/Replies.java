package io.polyshop.inventory.application;

import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.Shortage;
import java.util.List;
import java.util.Optional;

/** Inventory's answers to the saga; none when the command named no topic to answer on. */
final class Replies {

    private Replies() {}

    static List<InventoryNews> reserved(Reservation reservation, Optional<String> replyTo) {
        return replyTo.<InventoryNews>map(topic -> new InventoryNews.StockReserved(reservation, topic)).stream()
                .toList();
    }

    static List<InventoryNews> reservationFailed(
            Reservation reservation, String reason, List<Shortage> shortages, Optional<String> replyTo) {
        return replyTo
                .<InventoryNews>map(topic ->
                        new InventoryNews.StockReservationFailed(reservation, reason, List.copyOf(shortages), topic))
                .stream()
                .toList();
    }

    static List<InventoryNews> confirmed(Reservation reservation, Optional<String> replyTo) {
        return replyTo.<InventoryNews>map(topic -> new InventoryNews.ReservationConfirmed(reservation, topic)).stream()
                .toList();
    }

    static List<InventoryNews> confirmationFailed(Reservation reservation, String reason, Optional<String> replyTo) {
        return replyTo
                .<InventoryNews>map(
                        topic -> new InventoryNews.ReservationConfirmationFailed(reservation, reason, topic))
                .stream()
                .toList();
    }

    static List<InventoryNews> released(Reservation reservation, Optional<String> replyTo) {
        return replyTo.<InventoryNews>map(topic -> new InventoryNews.StockReleased(reservation, topic)).stream()
                .toList();
    }
}
