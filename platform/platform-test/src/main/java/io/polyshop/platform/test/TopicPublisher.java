package io.polyshop.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes CloudEvents (structured JSON, as the platform's outbox relays do) to the test broker,
 * for tests that play another service: {@code TopicPublisher.shared().publish("payment.commands",
 * type, paymentId, command)}. The counterpart of {@link TopicRecorder}.
 */
public final class TopicPublisher {

    private static TopicPublisher shared;

    private final KafkaProducer<String, byte[]> producer;

    private TopicPublisher() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestEngines.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static synchronized TopicPublisher shared() {
        if (shared == null) {
            shared = new TopicPublisher();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.producer::close, "topic-publisher-close"));
        }
        return shared;
    }

    /** Publishes {@code data} as an event of {@code type} about {@code subject}, keyed by it; returns the event id. */
    public String publish(String topic, String type, String subject, Object data) {
        String id = UUID.randomUUID().toString();
        publish(topic, id, type, subject, data);
        return id;
    }

    /** Publishes an event with a given id: sent twice, it is one event delivered twice. */
    public void publish(String topic, String id, String type, String subject, Object data) {
        ObjectNode envelope = ApiClient.json().createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/polyshop/test");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", ApiClient.json().valueToTree(data));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, subject, ApiClient.json().writeValueAsBytes(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }
}
