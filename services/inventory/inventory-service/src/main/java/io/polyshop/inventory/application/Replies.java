package io.polyshop.inventory.application;

import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.Shortage;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Inventory's answers to the saga; none when the command named no topic to answer on. */
final class Replies {

    private Replies() {}

    static List<InventoryNews> reserved(Reservation reservation, Optional<String> replyTo) {
        return to(replyTo, topic -> new InventoryNews.StockReserved(reservation, topic));
    }

    static List<InventoryNews> reservationFailed(
            Reservation reservation, String reason, List<Shortage> shortages, Optional<String> replyTo) {
        return to(
                replyTo,
                topic -> new InventoryNews.StockReservationFailed(reservation, reason, List.copyOf(shortages), topic));
    }

    static List<InventoryNews> confirmed(Reservation reservation, Optional<String> replyTo) {
        return to(replyTo, topic -> new InventoryNews.ReservationConfirmed(reservation, topic));
    }

    static List<InventoryNews> confirmationFailed(Reservation reservation, String reason, Optional<String> replyTo) {
        return to(replyTo, topic -> new InventoryNews.ReservationConfirmationFailed(reservation, reason, topic));
    }

    static List<InventoryNews> released(Reservation reservation, Optional<String> replyTo) {
        return to(replyTo, topic -> new InventoryNews.StockReleased(reservation, topic));
    }

    private static List<InventoryNews> to(Optional<String> replyTo, Function<String, InventoryNews> reply) {
        return replyTo.map(reply).stream().toList();
    }
}
