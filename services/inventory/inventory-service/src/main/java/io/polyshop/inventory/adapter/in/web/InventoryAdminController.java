package io.polyshop.inventory.adapter.in.web;

import io.polyshop.inventory.adapter.in.web.InventoryRequests.AdjustStock;
import io.polyshop.inventory.adapter.in.web.InventoryRequests.Release;
import io.polyshop.inventory.adapter.in.web.InventoryRequests.Reserve;
import io.polyshop.inventory.adapter.in.web.InventoryRequests.SetStock;
import io.polyshop.inventory.adapter.in.web.InventoryViews.LedgerEntryView;
import io.polyshop.inventory.adapter.in.web.InventoryViews.LedgerPage;
import io.polyshop.inventory.adapter.in.web.InventoryViews.ReservationView;
import io.polyshop.inventory.adapter.in.web.InventoryViews.StockView;
import io.polyshop.inventory.application.ReservationOutcome;
import io.polyshop.inventory.application.Reservations;
import io.polyshop.inventory.application.StockAdministration;
import io.polyshop.inventory.application.UnknownReservationException;
import io.polyshop.inventory.domain.LedgerEntry;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.ReservationStatus;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockChange;
import io.polyshop.platform.security.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock and reservations for admins. The saga uses the same operations over Kafka; over HTTP they
 * answer at once and send no replies.
 */
@RestController
@RequestMapping("/api/v1/admin")
class InventoryAdminController {

    private final StockAdministration stock;
    private final Reservations reservations;

    InventoryAdminController(StockAdministration stock, Reservations reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    @GetMapping("/stock/{sku}")
    StockView level(@PathVariable String sku) {
        return StockView.of(stock.level(new Sku(sku)));
    }

    @PutMapping("/stock/{sku}")
    @ApiResponse(responseCode = "200", description = "The new level")
    @ApiResponse(responseCode = "409", description = "Fewer on hand than reserved would remain")
    StockView set(@PathVariable String sku, @Valid @RequestBody SetStock request) {
        return StockView.of(stock.set(new Sku(sku), request.onHand(), change(request.reason())));
    }

    @PostMapping("/stock/{sku}/adjustments")
    @ApiResponse(responseCode = "200", description = "The new level")
    @ApiResponse(responseCode = "409", description = "Fewer on hand than reserved would remain")
    StockView adjust(@PathVariable String sku, @Valid @RequestBody AdjustStock request) {
        return StockView.of(stock.adjust(new Sku(sku), request.delta(), change(request.reason())));
    }

    @GetMapping("/stock/{sku}/ledger")
    LedgerPage ledger(
            @PathVariable String sku,
            @RequestParam Optional<String> before,
            @RequestParam(defaultValue = "50") int size) {
        Sku key = new Sku(sku);
        List<LedgerEntry> entries = stock.ledger(key, before, size);
        String next = entries.size() == size ? entries.getLast().entryId() : null;
        return new LedgerPage(
                key.value(), entries.stream().map(LedgerEntryView::of).toList(), next);
    }

    @PostMapping("/reservations")
    @ApiResponse(responseCode = "201", description = "Held")
    @ApiResponse(responseCode = "409", description = "Not enough stock; `shortLines` says where")
    @ApiResponse(responseCode = "422", description = "That reservation id is taken by other lines")
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody Reserve request) {
        ReservationOutcome outcome =
                reservations.reserve(request.id(), request.orderId(), request.stockLines(), Optional.empty());
        if (outcome.isHeld()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(ReservationView.of(outcome.reservation()));
        }
        throw new ReservationRefusedException(outcome);
    }

    @GetMapping("/reservations/{id}")
    ReservationView reservation(@PathVariable String id) {
        ReservationId reservationId = new ReservationId(id);
        return ReservationView.of(
                reservations.find(reservationId).orElseThrow(() -> new UnknownReservationException(reservationId)));
    }

    @PostMapping("/reservations/{id}/confirmation")
    @ApiResponse(responseCode = "200", description = "Confirmed")
    @ApiResponse(responseCode = "409", description = "The reservation was released or expired")
    ReservationView confirm(@PathVariable String id) {
        Reservation reservation = reservations.confirm(new ReservationId(id), Optional.empty());
        if (reservation.status() != ReservationStatus.CONFIRMED) {
            throw new ReservationRefusedException(new ReservationOutcome(reservation, List.of()));
        }
        return ReservationView.of(reservation);
    }

    @PostMapping("/reservations/{id}/release")
    ReservationView release(@PathVariable String id, @Valid @RequestBody Release request) {
        return ReservationView.of(reservations.release(new ReservationId(id), request.reason(), Optional.empty()));
    }

    private static StockChange change(String reason) {
        return new StockChange(reason, Caller.current().map(Caller::id).orElse("unknown"));
    }

    /** The reservation could not be held or confirmed; the problem says why. */
    static class ReservationRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ReservationOutcome outcome;

        ReservationRefusedException(ReservationOutcome outcome) {
            super("reservation " + outcome.reservation().id() + " is "
                    + outcome.reservation().status()
                    + (outcome.reservation().reason() == null
                            ? ""
                            : ": " + outcome.reservation().reason()));
            this.outcome = outcome;
        }

        ReservationOutcome outcome() {
            return outcome;
        }
    }
}
