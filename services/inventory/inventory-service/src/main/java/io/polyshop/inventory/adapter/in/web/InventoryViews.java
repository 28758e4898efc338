package io.polyshop.inventory.adapter.in.web;

import io.polyshop.inventory.domain.LedgerEntry;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.StockLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

final class InventoryViews {

    private InventoryViews() {}

    record StockView(String sku, long onHand, long reserved, long available) {

        static StockView of(StockLevel level) {
            return new StockView(level.sku().value(), level.onHand(), level.reserved(), level.available());
        }
    }

    record LedgerEntryView(
            String entry, long onHandChange, long reservedChange, String reason, String reference, Instant at) {

        static LedgerEntryView of(LedgerEntry entry) {
            return new LedgerEntryView(
                    entry.entryId(),
                    entry.onHandChange(),
                    entry.reservedChange(),
                    entry.reason(),
                    entry.reference(),
                    entry.at());
        }
    }

    /** @param next pass as {@code before} for the following (older) page; absent on the last page */
    record LedgerPage(
            String sku,
            List<LedgerEntryView> entries,
            @Schema(nullable = true) String next) {}

    record LineView(String sku, int quantity) {}

    record ReservationView(
            String reservationId,
            @Schema(nullable = true) String orderId,
            String status,
            List<LineView> lines,
            Instant expiresAt,
            @Schema(nullable = true) String reason) {

        static ReservationView of(Reservation reservation) {
            return new ReservationView(
                    reservation.id().value(),
                    reservation.orderId(),
                    reservation.status().name(),
                    reservation.lines().stream()
                            .map(line -> new LineView(line.sku().value(), line.quantity()))
                            .toList(),
                    reservation.expiresAt(),
                    reservation.reason());
        }
    }
}
