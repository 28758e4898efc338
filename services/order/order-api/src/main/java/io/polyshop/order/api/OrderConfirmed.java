package io.polyshop.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The checkout saga confirmed the order: stock taken, payment captured. */
public record OrderConfirmed(
        String orderId,
        String customerId,
        List<OrderPlaced.Line> lines,
        BigDecimal grandTotal,
        String currency,
        Instant confirmedAt) {}
