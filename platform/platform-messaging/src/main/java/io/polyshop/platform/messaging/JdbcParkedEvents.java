package io.polyshop.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Parked events of the PostgreSQL outbox: the row stays where it is, marked parked with the
 * reason, which takes it out of the relay's reads; releasing it clears the mark, and its sequence
 * puts it ahead of every younger event. It also measures the outbox's backlog, parked events
 * included.
 */
public class JdbcParkedEvents implements ParkedEvents {

    private final JdbcClient jdbc;

    public JdbcParkedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called by the relay, in its round's transaction. */
    void park(long sequence, String reason) {
        jdbc.sql("""
                        update polyshop_messaging.outbox_event
                           set parked_at = now(), park_reason = :reason, attempts = attempts + 1
                         where sequence = :sequence
                        """).param("reason", reason).param("sequence", sequence).update();
    }

    @Override
    public List<Parked> list(int limit) {
        return jdbc.sql("""
                        select event_id, topic, message_key, event_type, park_reason, parked_at
                          from polyshop_messaging.outbox_event
                         where parked_at is not null and published_at is null
                         order by parked_at limit :limit
                        """)
                .param("limit", limit)
                .query((row, number) -> new Parked(
                        row.getString("event_id"),
                        row.getString("topic"),
                        row.getString("message_key"),
                        row.getString("event_type"),
                        row.getString("park_reason"),
                        row.getTimestamp("parked_at").toInstant()))
                .list();
    }

    @Override
    public long count() {
        return jdbc.sql(
                        "select count(*) from polyshop_messaging.outbox_event where parked_at is not null and published_at is null")
                .query(Long.class)
                .single();
    }

    @Override
    public boolean release(String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException notAnEventId) {
            return false;
        }
        return jdbc.sql("""
                        update polyshop_messaging.outbox_event set parked_at = null, park_reason = null
                         where event_id = :id and parked_at is not null and published_at is null
                        """).param("id", id).update() == 1;
    }

    /** The PostgreSQL outbox's backlog: pending (not parked) events, the oldest one's age, and the parked. */
    OutboxBacklog.Snapshot backlog() {
        return jdbc.sql("""
                        select count(*) filter (where parked_at is null) as pending,
                               coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0)
                                   as oldest_seconds,
                               count(*) filter (where parked_at is not null) as parked
                          from polyshop_messaging.outbox_event where published_at is null
                        """)
                .query((row, number) -> new OutboxBacklog.Snapshot(
                        row.getLong("pending"),
                        Duration.ofMillis(Math.round(row.getDouble("oldest_seconds") * 1000)),
                        row.getLong("parked")))
                .single();
    }
}
