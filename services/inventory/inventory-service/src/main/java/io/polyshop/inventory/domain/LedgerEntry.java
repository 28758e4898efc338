package io.polyshop.inventory.domain;

import java.time.Instant;

/**
 * One change of a SKU's stock, never rewritten: summing a SKU's entries gives its on-hand and
 * reserved quantities.
 *
 * @param reference what caused it: a reservation id, or the admin who adjusted the stock
 */
public record LedgerEntry(
        Sku sku, String entryId, long onHandChange, long reservedChange, String reason, String reference, Instant at) {}
