package io.polyshop.inventory.api;

/**
 * Give a reservation's stock back (a compensation): a held reservation frees what it held, a
 * confirmed one puts it back on the shelf. Releasing an id never reserved blocks a late
 * {@link ReserveStock} with that id.
 */
public record ReleaseStock(String reservationId, String reason, String replyTo) {}
