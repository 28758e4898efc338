package io.polyshop.order.domain;

import java.util.UUID;

/** Names one order; also the id of its stock reservation and its payment. */
public record OrderId(UUID value) {

    public OrderId {
        if (value == null) {
            throw new InvalidOrderException("orderId", "is required");
        }
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    public static OrderId parse(String text) {
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new InvalidOrderException("orderId", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
