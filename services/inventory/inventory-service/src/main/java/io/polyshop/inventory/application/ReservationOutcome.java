package io.polyshop.inventory.application;

import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationStatus;
import io.polyshop.inventory.domain.Shortage;
import java.util.List;

/** The reservation as it stands after a request, and the short lines when it was refused just now. */
public record ReservationOutcome(Reservation reservation, List<Shortage> shortages) {

    public boolean isHeld() {
        return reservation.status() == ReservationStatus.HELD;
    }
}
