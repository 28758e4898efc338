package io.polyshop.inventory.domain;

/** HELD until confirmed or released; REJECTED when stock was short; the last three are final. */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    RELEASED,
    REJECTED
}
