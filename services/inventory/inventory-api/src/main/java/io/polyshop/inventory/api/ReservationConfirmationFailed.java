package io.polyshop.inventory.api;

/** The reservation could not be confirmed: it expired, was released, or never existed. */
public record ReservationConfirmationFailed(String reservationId, String orderId, String reason) {}
