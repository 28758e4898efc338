package io.polyshop.platform.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Outbox events Kafka refused for what they are (too large, an invalid topic), set aside by the
 * relay with the reason so that they never block the events behind them. An operator lists them
 * ({@code GET /actuator/outbox}) and, after the fix (a larger limit for the topic, say), releases
 * one back into the outbox ({@code POST /actuator/outbox/{eventId}}); it is then sent like any
 * pending event, ahead of younger ones. Each outbox store keeps its own.
 */
public interface ParkedEvents {

    /** A parked event, without its body. */
    record Parked(String eventId, String topic, String key, String type, String reason, Instant parkedAt) {}

    /** The oldest parked events first, at most {@code limit}. */
    List<Parked> list(int limit);

    long count();

    /** Puts the event back in front of the relay; false when no event with that id is parked. */
    boolean release(String eventId);
}
