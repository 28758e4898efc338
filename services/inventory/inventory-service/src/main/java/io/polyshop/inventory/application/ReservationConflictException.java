package io.polyshop.inventory.application;

/** A reservation id came back with other lines than the reservation it names; nothing changed. */
public class ReservationConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReservationConflictException(String message) {
        super(message);
    }
}
