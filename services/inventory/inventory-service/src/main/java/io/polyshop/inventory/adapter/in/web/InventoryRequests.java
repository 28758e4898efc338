package io.polyshop.inventory.adapter.in.web;

import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the admin API; presence is checked here, formats and ranges by the domain. */
final class InventoryRequests {

    /** What a stock change or a release says about itself; it goes into the ledger and the events. */
    static final int REASON = 200;

    private InventoryRequests() {}

    record SetStock(
            @NotNull Long onHand,

            @NotBlank @Size(max = REASON, message = "must be at most 200 characters")
            String reason) {}

    record AdjustStock(
            @NotNull Long delta,

            @NotBlank @Size(max = REASON, message = "must be at most 200 characters")
            String reason) {}

    record Line(@NotBlank String sku, @NotNull Integer quantity) {

        StockLine toLine() {
            return new StockLine(new Sku(sku), quantity);
        }
    }

    record Reserve(
            @NotBlank String reservationId,
            String orderId,
            @NotEmpty List<@Valid @NotNull Line> lines) {

        ReservationId id() {
            return new ReservationId(reservationId);
        }

        List<StockLine> stockLines() {
            return lines.stream().map(Line::toLine).toList();
        }
    }

    record Release(
            @NotBlank @Size(max = REASON, message = "must be at most 200 characters")
            String reason) {}
}
