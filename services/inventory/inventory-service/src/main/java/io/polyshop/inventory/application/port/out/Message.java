package io.polyshop.inventory.application.port.out;

/** A reply or event to publish with a stock change, in the same write. */
public record Message(String topic, String key, String type, Object payload) {}
