package io.polyshop.inventory.application;

import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.application.port.out.Stock;
import io.polyshop.inventory.application.port.out.Stock.HoldOutcome;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.ReservationStatus;
import io.polyshop.inventory.domain.Shortage;
import io.polyshop.inventory.domain.StockLine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checkout saga's side of inventory: reserve (all lines or none), confirm, release, and the
 * release of reservations nobody confirmed in time. Every operation is idempotent by reservation
 * id: a repeat changes nothing and answers as the first time did. Each step reads the reservation,
 * decides, and writes conditionally on what it read; when a concurrent step got there first, it
 * reads again.
 */
public class Reservations {

    private static final int EXPIRY_BATCH = 100;

    private final Stock store;
    private final InventoryPolicy policy;
    private final LowStockWatch lowStock;
    private final Clock clock;

    public Reservations(Stock store, InventoryPolicy policy, LowStockWatch lowStock, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.lowStock = lowStock;
        this.clock = clock;
    }

    public Optional<Reservation> find(ReservationId id) {
        return store.reservation(id);
    }

    public ReservationOutcome reserve(
            ReservationId id, String orderId, List<StockLine> lines, Optional<String> replyTo) {
        Reservation wanted =
                Reservation.held(id, orderId, lines, clock.instant().plus(policy.reservationTtl()), replyTo);
        while (true) {
            HoldOutcome outcome = store.hold(wanted, Replies.reserved(wanted, replyTo));
            switch (outcome) {
                case HoldOutcome.Held held -> {
                    watchLowStock(lines);
                    return new ReservationOutcome(wanted, List.of());
                }
                case HoldOutcome.Short(List<Shortage> shortages) -> {
                    Reservation rejected = wanted.rejected("insufficient stock: " + describe(shortages));
                    if (store.record(
                            rejected, Replies.reservationFailed(rejected, "insufficient stock", shortages, replyTo))) {
                        return new ReservationOutcome(rejected, shortages);
                    }
                }
                case HoldOutcome.Taken taken -> {
                    Optional<Reservation> existing = store.reservation(id);
                    if (existing.isPresent()) {
                        return repeated(existing.get(), lines, replyTo);
                    }
                }
            }
        }
    }

    private ReservationOutcome repeated(Reservation existing, List<StockLine> lines, Optional<String> replyTo) {
        boolean releasedUnseen = existing.status() == ReservationStatus.RELEASED
                && existing.lines().isEmpty();
        if (releasedUnseen) {
            store.publish(Replies.reservationFailed(existing, "released before it was reserved", List.of(), replyTo));
            return new ReservationOutcome(existing, List.of());
        }
        if (!existing.hasLines(lines)) {
            throw new ReservationConflictException("reservation " + existing.id()
                    + " already exists with other lines; a new reservation needs a new id");
        }
        store.publish(
                switch (existing.status()) {
                    case HELD, CONFIRMED -> Replies.reserved(existing, replyTo);
                    case REJECTED, RELEASED ->
                        Replies.reservationFailed(existing, existing.reason(), List.of(), replyTo);
                });
        return new ReservationOutcome(existing, List.of());
    }

    /** Confirms a held reservation; the answer names what happened when it could not be. */
    public Reservation confirm(ReservationId id, Optional<String> replyTo) {
        while (true) {
            Optional<Reservation> found = store.reservation(id);
            if (found.isEmpty()) {
                throw new UnknownReservationException(id);
            }
            Reservation current = found.get();
            switch (current.status()) {
                case HELD -> {
                    if (current.isExpiredAt(clock.instant())) {
                        Reservation released = current.released("expired");
                        if (store.transition(
                                current,
                                released,
                                concat(
                                        Replies.released(released, current.replyTo()),
                                        Replies.confirmationFailed(current, "the reservation expired", replyTo)))) {
                            return released;
                        }
                        continue;
                    }
                    Reservation confirmed = current.confirmed();
                    if (store.transition(current, confirmed, Replies.confirmed(confirmed, replyTo))) {
                        return confirmed;
                    }
                }
                case CONFIRMED -> {
                    store.publish(Replies.confirmed(current, replyTo));
                    return current;
                }
                case RELEASED, REJECTED -> {
                    store.publish(Replies.confirmationFailed(
                            current,
                            "the reservation was " + current.status().name().toLowerCase(java.util.Locale.ROOT) + " ("
                                    + current.reason() + ")",
                            replyTo));
                    return current;
                }
            }
        }
    }

    /** Gives the stock back; releasing what was never reserved turns a late reservation away. */
    public Reservation release(ReservationId id, String reason, Optional<String> replyTo) {
        while (true) {
            Optional<Reservation> found = store.reservation(id);
            if (found.isEmpty()) {
                Reservation unseen = Reservation.releasedUnseen(id, clock.instant(), replyTo, reason);
                if (store.record(unseen, Replies.released(unseen, replyTo))) {
                    return unseen;
                }
                continue;
            }
            Reservation current = found.get();
            if (current.status() == ReservationStatus.RELEASED || current.status() == ReservationStatus.REJECTED) {
                store.publish(Replies.released(current, replyTo));
                return current;
            }
            Reservation released = current.released(reason);
            if (store.transition(current, released, Replies.released(released, replyTo))) {
                watchLowStock(current.lines());
                return released;
            }
        }
    }

    /** Releases held reservations whose time ran out; returns how many it released. */
    public int releaseExpired() {
        Instant now = clock.instant();
        int released = 0;
        for (ReservationId id : store.expiredHolds(now, EXPIRY_BATCH)) {
            Optional<Reservation> current = store.reservation(id);
            if (current.isPresent() && current.get().isExpiredAt(now)) {
                Reservation expired = current.get().released("expired");
                if (store.transition(current.get(), expired, Replies.released(expired, expired.replyTo()))) {
                    watchLowStock(expired.lines());
                    released++;
                }
            }
        }
        return released;
    }

    private void watchLowStock(List<StockLine> lines) {
        lowStock.note(lines.stream().map(StockLine::sku).toList());
    }

    private static String describe(List<Shortage> shortages) {
        return shortages.stream()
                .map(shortage -> shortage.sku() + " (requested " + shortage.requested() + ", available "
                        + shortage.available() + ")")
                .collect(Collectors.joining(", "));
    }

    private static List<InventoryNews> concat(List<InventoryNews> first, List<InventoryNews> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
