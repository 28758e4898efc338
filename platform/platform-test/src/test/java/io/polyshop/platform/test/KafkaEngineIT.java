package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.engines.KafkaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEngineIT {

    @Test
    void deliversRecordsInOrderPerKey() throws Exception {
        String topic = "engine-it-" + UUID.randomUUID();
        produce(topic, List.of("created", "paid", "shipped"));

        assertThat(consume(topic, 3)).containsExactly("created", "paid", "shipped");
    }

    @Test
    void keepsRecordsAcrossABrokerRestart() throws Exception {
        KafkaEngine broker = TestEngines.embeddedKafka();
        String topic = "engine-restart-it-" + UUID.randomUUID();
        produce(topic, List.of("before-restart"));

        broker.close();
        assertThat(broker.isRunning()).isFalse();
        broker.start();
        produce(topic, List.of("after-restart"));

        assertThat(consume(topic, 2)).containsExactly("before-restart", "after-restart");
    }

    private static void produce(String topic, List<String> values) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "order-1", value)).get();
            }
        }
    }

    private static List<String> consume(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "engine-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
