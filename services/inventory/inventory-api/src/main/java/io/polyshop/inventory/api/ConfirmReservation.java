package io.polyshop.inventory.api;

/** Turn a held reservation into a sale: the stock leaves the shelf. */
public record ConfirmReservation(String reservationId, String replyTo) {}
