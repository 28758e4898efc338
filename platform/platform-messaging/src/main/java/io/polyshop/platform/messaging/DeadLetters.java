package io.polyshop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Replays a dead-letter topic: every record not replayed before goes back, with its key and
 * headers, to the topic it failed on; the consumer's inbox keeps a replay from applying anything
 * twice. Progress is the committed offset of the {@code polyshop-dead-letter-replay} group.
 */
public class DeadLetters {

    static final String REPLAY_GROUP = "polyshop-dead-letter-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final KafkaOperations<String, Object> kafka;
    private final String suffix;

    public DeadLetters(Map<String, Object> consumerProperties, KafkaOperations<String, Object> kafka, String suffix) {
        this.consumerProperties = consumerProperties;
        this.kafka = kafka;
        this.suffix = suffix;
    }

    public String deadLetterTopicOf(String topic) {
        return topic + suffix;
    }

    public boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(suffix) && topic.length() > suffix.length();
    }

    /** Republishes what {@code deadLetterTopic} holds beyond the last replay; returns how many. */
    public int replay(String deadLetterTopic) {
        if (!isDeadLetterTopic(deadLetterTopic)) {
            throw new IllegalArgumentException(
                    deadLetterTopic + " is not a dead-letter topic (they end in " + suffix + ")");
        }
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int replayed = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    kafka.send(backToOrigin(record)).join();
                    replayed++;
                }
                consumer.commitSync();
            }
            return replayed;
        }
    }

    private ProducerRecord<String, Object> backToOrigin(ConsumerRecord<String, byte[]> record) {
        Header origin = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String topic = origin != null
                ? new String(origin.value(), StandardCharsets.UTF_8)
                : record.topic().substring(0, record.topic().length() - suffix.length());
        ProducerRecord<String, Object> replay = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt")) {
                replay.headers().add(header);
            }
        }
        return replay;
    }
}
