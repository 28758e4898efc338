package io.polyshop.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * How far the relay is behind, whichever store the outbox is in: pending events and the age of
 * the oldest, and the events parked because Kafka refused them, as metrics
 * ({@code polyshop.outbox.backlog}, {@code polyshop.outbox.oldest.age}, {@code polyshop.outbox.parked})
 * and as a health check that turns DOWN when the oldest pending event is older than the configured
 * threshold or when any event is parked (it needs an operator). An event the relay has sent counts
 * as pending until its next round marks it, at most one idle poll later. A count that costs a read
 * of every collection is remembered for a moment ({@code freshFor}).
 */
public class OutboxBacklog implements HealthIndicator {

    /** What the outbox holds now. */
    public record Snapshot(long pending, Duration oldestAge, long parked) {}

    /** Counts an outbox in its own store. */
    @FunctionalInterface
    public interface Measure {
        Snapshot now();
    }

    private final Measure measure;
    private final Duration unhealthyAge;
    private final Duration freshFor;
    private Snapshot last;
    private Instant measuredAt = Instant.EPOCH;

    public OutboxBacklog(Measure measure, Duration unhealthyAge, Duration freshFor) {
        this.measure = measure;
        this.unhealthyAge = unhealthyAge;
        this.freshFor = freshFor;
    }

    public synchronized Snapshot snapshot() {
        Instant now = Instant.now();
        if (last == null || !now.isBefore(measuredAt.plus(freshFor))) {
            last = measure.now();
            measuredAt = now;
        }
        return last;
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
        Gauge.builder(
                        "polyshop.outbox.parked",
                        this,
                        backlog -> backlog.snapshot().parked())
                .description("Outbox events Kafka refused, parked until an operator releases them")
                .register(registry);
    }

    @Override
    public Health health() {
        Snapshot snapshot = snapshot();
        boolean healthy = snapshot.oldestAge().compareTo(unhealthyAge) <= 0 && snapshot.parked() == 0;
        return (healthy ? Health.up() : Health.down())
                .withDetail("pending", snapshot.pending())
                .withDetail("oldestAgeSeconds", snapshot.oldestAge().toSeconds())
                .withDetail("parked", snapshot.parked())
                .build();
    }
}
