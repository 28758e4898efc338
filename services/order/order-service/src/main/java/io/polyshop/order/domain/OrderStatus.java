package io.polyshop.order.domain;

/**
 * An order's life. {@code PENDING} while the checkout saga runs; then {@code CONFIRMED} or
 * {@code REJECTED}. A confirmed order may be cancelled ({@code CANCELLING}, then {@code CANCELLED})
 * until it is {@code SHIPPED}.
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLING,
    CANCELLED,
    SHIPPED
}
