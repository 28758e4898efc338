package io.polyshop.inventory.application;

import io.polyshop.inventory.domain.ReservationId;

public class UnknownReservationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownReservationException(ReservationId id) {
        super("reservation " + id + " was not found");
    }
}
