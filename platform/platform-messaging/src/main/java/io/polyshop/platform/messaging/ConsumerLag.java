package io.polyshop.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * How far this service's consumers trail their partitions, read from the Kafka client metrics that
 * Spring Boot binds for every consumer ({@code kafka.consumer.fetch.manager.records.lag.max}), and
 * reported DOWN above the configured number of records.
 */
public class ConsumerLag implements HealthIndicator {

    static final String LAG_METRIC = "kafka.consumer.fetch.manager.records.lag.max";

    private final MeterRegistry registry;
    private final long maxLag;

    public ConsumerLag(MeterRegistry registry, long maxLag) {
        this.registry = registry;
        this.maxLag = maxLag;
    }

    /** The largest lag, in records, over every partition this service consumes. */
    public double maxRecordsBehind() {
        return registry.find(LAG_METRIC).gauges().stream()
                .mapToDouble(Gauge::value)
                .filter(value -> !Double.isNaN(value))
                .max()
                .orElse(0);
    }

    @Override
    public Health health() {
        double lag = maxRecordsBehind();
        Health.Builder health = lag > maxLag ? Health.down() : Health.up();
        return health.withDetail("maxRecordsBehind", (long) lag)
                .withDetail("threshold", maxLag)
                .build();
    }
}
