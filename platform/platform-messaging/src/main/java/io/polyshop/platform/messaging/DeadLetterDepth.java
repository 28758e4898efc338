package io.polyshop.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Dead letters waiting for an operator: for the dead-letter topic of every topic this service
 * consumes, the records beyond the last replay ({@link DeadLetters}). A metric per topic,
 * {@code polyshop.deadletter.depth}, and a health check that turns DOWN above
 * {@code polyshop.messaging.max-dead-letters} (0: any dead letter needs someone to look at it).
 * Kafka is asked at most every few seconds; while it cannot answer, the last figures stand and
 * health says why they are old.
 */
public class DeadLetterDepth implements HealthIndicator, DisposableBean {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final long TIMEOUT_SECONDS = 3;

    private final Map<String, Object> adminProperties;
    private final Supplier<Collection<String>> consumedTopics;
    private final String suffix;
    private final long maxDeadLetters;
    private final MeterRegistry registry;
    private final Set<String> metered = ConcurrentHashMap.newKeySet();
    private Admin admin;
    private Map<String, Long> depths = Map.of();
    private Instant measuredAt = Instant.EPOCH;
    private String lastFailure;

    public DeadLetterDepth(
            Map<String, Object> adminProperties,
            Supplier<Collection<String>> consumedTopics,
            String suffix,
            long maxDeadLetters,
            MeterRegistry registry) {
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        this.consumedTopics = consumedTopics;
        this.suffix = suffix;
        this.maxDeadLetters = maxDeadLetters;
        this.registry = registry;
    }

    /** Dead letters per dead-letter topic that has any record beyond the last replay, or exists. */
    public synchronized Map<String, Long> depths() {
        if (Instant.now().isAfter(measuredAt.plus(FRESH_FOR))) {
            try {
                depths = measure();
                lastFailure = null;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                lastFailure = e.getMessage();
            }
            measuredAt = Instant.now();
        }
        return depths;
    }

    @Override
    public Health health() {
        Map<String, Long> current = depths();
        long total = current.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = total > maxDeadLetters ? Health.down() : Health.up();
        health.withDetail("deadLetters", total).withDetail("byTopic", current).withDetail("threshold", maxDeadLetters);
        if (lastFailure != null) {
            health.withDetail("notMeasured", "Kafka did not answer: " + lastFailure);
        }
        return health.build();
    }

    private Map<String, Long> measure() throws Exception {
        List<String> wanted = consumedTopics.get().stream()
                .map(topic -> topic + suffix)
                .distinct()
                .toList();
        Admin client = admin();
        Set<String> existing = client.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> deadLetterTopics =
                wanted.stream().filter(existing::contains).toList();
        Map<String, Long> measured = new TreeMap<>();
        if (deadLetterTopics.isEmpty()) {
            return measured;
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (TopicDescription topic : client.describeTopics(deadLetterTopics)
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .values()) {
            topic.partitions()
                    .forEach(partition ->
                            ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets =
                client.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> replayed = client.listConsumerGroupOffsets(DeadLetters.REPLAY_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        endOffsets.forEach((partition, end) -> {
            OffsetAndMetadata done = replayed.get(partition);
            long waiting = Math.max(0, end.offset() - (done == null ? 0 : done.offset()));
            measured.merge(partition.topic(), waiting, Long::sum);
        });
        measured.keySet().forEach(this::meter);
        return measured;
    }

    private void meter(String deadLetterTopic) {
        if (metered.add(deadLetterTopic)) {
            Gauge.builder(
                            "polyshop.deadletter.depth",
                            this,
                            depth -> depth.depths().getOrDefault(deadLetterTopic, 0L))
                    .tag("topic", deadLetterTopic)
                    .description("Dead letters waiting for a replay")
                    .register(registry);
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
