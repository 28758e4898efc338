package io.polyshop.order.domain;

import java.util.UUID;

/** Names one command the saga sent; it travels as the event's id, so the saga learns when it left. */
public record CommandId(UUID value) {

    public CommandId {
        if (value == null) {
            throw new IllegalArgumentException("a command id is required");
        }
    }

    public static CommandId newId() {
        return new CommandId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
