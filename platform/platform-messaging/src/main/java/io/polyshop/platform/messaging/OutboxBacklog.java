package io.polyshop.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the relay is behind: pending events and the age of the oldest, as metrics
 * ({@code polyshop.outbox.backlog}, {@code polyshop.outbox.oldest.age}) and as a health check that
 * turns DOWN when the oldest pending event is older than the configured threshold. An event the
 * relay has sent counts as pending until its next round marks it, at most one idle poll later.
 */
public class OutboxBacklog implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Duration unhealthyAge;

    public OutboxBacklog(JdbcClient jdbc, Duration unhealthyAge) {
        this.jdbc = jdbc;
        this.unhealthyAge = unhealthyAge;
    }

    public record Snapshot(long pending, Duration oldestAge) {}

    public Snapshot snapshot() {
        return jdbc.sql("""
                        select count(*) as pending,
                               coalesce(extract(epoch from now() - min(created_at)), 0) as oldest_seconds
                        from polyshop_messaging.outbox_event where published_at is null
                        """)
                .query((row, number) -> new Snapshot(
                        row.getLong("pending"), Duration.ofMillis(Math.round(row.getDouble("oldest_seconds") * 1000))))
                .single();
    }

    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "polyshop.outbox.backlog",
                        this,
                        backlog -> backlog.snapshot().pending())
                .description("Outbox events not yet published to Kafka")
                .register(registry);
        Gauge.builder(
                        "polyshop.outbox.oldest.age",
                        this,
                        backlog -> backlog.snapshot().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public Health health() {
        Snapshot snapshot = snapshot();
        Health.Builder health = snapshot.oldestAge().compareTo(unhealthyAge) > 0 ? Health.down() : Health.up();
        return health.withDetail("pending", snapshot.pending())
                .withDetail("oldestAgeSeconds", snapshot.oldestAge().toSeconds())
                .build();
    }
}
