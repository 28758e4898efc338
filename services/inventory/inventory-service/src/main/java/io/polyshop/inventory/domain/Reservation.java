package io.polyshop.inventory.domain;

import io.polyshop.commerce.api.CommerceRules;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stock held for one checkout. A reservation moves HELD → CONFIRMED → RELEASED or HELD →
 * RELEASED; a short one is REJECTED at once. A release that arrives before its reservation leaves
 * a RELEASED reservation without lines, which turns the late reservation away.
 *
 * @param replyTo the topic its saga listens on, when it came from one
 */
public record Reservation(
        ReservationId id,
        String orderId,
        List<StockLine> lines,
        ReservationStatus status,
        Instant expiresAt,
        Optional<String> replyTo,
        String reason) {

    public Reservation {
        lines = List.copyOf(lines);
        if (status != ReservationStatus.RELEASED && lines.isEmpty()) {
            throw new InvalidStockRequestException("lines", "must not be empty");
        }
        if (lines.size() > CommerceRules.MAX_LINES) {
            throw new InvalidStockRequestException("lines", CommerceRules.MAX_LINES_RULE);
        }
        Set<Sku> seen = new HashSet<>();
        for (StockLine line : lines) {
            if (!seen.add(line.sku())) {
                throw new InvalidStockRequestException("lines", "names " + line.sku() + " twice");
            }
        }
        if (orderId != null && orderId.length() > 64) {
            throw new InvalidStockRequestException("orderId", "must be at most 64 characters");
        }
    }

    public static Reservation held(
            ReservationId id, String orderId, List<StockLine> lines, Instant expiresAt, Optional<String> replyTo) {
        return new Reservation(id, orderId, lines, ReservationStatus.HELD, expiresAt, replyTo, null);
    }

    public Reservation rejected(String why) {
        return new Reservation(id, orderId, lines, ReservationStatus.REJECTED, expiresAt, replyTo, why);
    }

    /** What a release before any reservation leaves behind. */
    public static Reservation releasedUnseen(ReservationId id, Instant at, Optional<String> replyTo, String why) {
        return new Reservation(id, null, List.of(), ReservationStatus.RELEASED, at, replyTo, why);
    }

    public Reservation confirmed() {
        requireStatus(ReservationStatus.HELD, "confirm");
        return new Reservation(id, orderId, lines, ReservationStatus.CONFIRMED, expiresAt, replyTo, null);
    }

    public Reservation released(String why) {
        if (status != ReservationStatus.HELD && status != ReservationStatus.CONFIRMED) {
            throw new IllegalStateException("cannot release a " + status + " reservation");
        }
        return new Reservation(id, orderId, lines, ReservationStatus.RELEASED, expiresAt, replyTo, why);
    }

    /** Whether a repeated request asks for exactly these lines, in any order. */
    public boolean hasLines(List<StockLine> requested) {
        return requested.size() == lines.size() && Set.copyOf(requested).equals(Set.copyOf(lines));
    }

    public boolean isExpiredAt(Instant now) {
        return status == ReservationStatus.HELD && !expiresAt.isAfter(now);
    }

    private void requireStatus(ReservationStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " a " + status + " reservation");
        }
    }
}
