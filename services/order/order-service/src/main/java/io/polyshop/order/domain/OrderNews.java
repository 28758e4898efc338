package io.polyshop.order.domain;

/** What the rest of the shop hears about an order. */
public enum OrderNews {
    PLACED,
    CONFIRMED,
    REJECTED,
    CANCELLED
}
