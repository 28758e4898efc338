package io.polyshop.platform.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Records every CloudEvent published on a topic of the test broker, from its beginning, in a
 * background thread: {@code try (var events = TopicRecorder.start("catalog.products")) { ... }}.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One recorded event: the envelope's type, subject and id, and its data. */
    public record Event(String id, String type, String subject, JsonNode data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;

    private TopicRecorder(String topic) {
        worker = Thread.ofPlatform().daemon().name("topic-recorder-" + topic).start(() -> record(topic));
    }

    public static TopicRecorder start(String topic) {
        return new TopicRecorder(topic);
    }

    private void record(String topic) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestEngines.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "recorder-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    JsonNode envelope = ApiClient.json().readTree(record.value());
                    events.add(new Event(
                            envelope.path("id").asString(),
                            envelope.path("type").asString(),
                            envelope.path("subject").asString(),
                            envelope.path("data")));
                }
            }
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events about {@code subject}, in the order the topic holds them. */
    public List<Event> about(String subject) {
        return events.stream().filter(event -> subject.equals(event.subject())).toList();
    }

    /** Waits up to {@code timeout} for an event matching {@code condition}. */
    public Event await(Predicate<Event> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                if (condition.test(event)) {
                    return event;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching event within " + timeout + "; recorded: " + events);
    }

    @Override
    public void close() {
        running = false;
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
