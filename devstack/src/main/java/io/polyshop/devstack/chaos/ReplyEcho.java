package io.polyshop.devstack.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A faulty network in front of the order service's reply topic: it records every saga reply the
 * participants send while it listens, and when told sends all of them again, late and twice, in a
 * shuffled order: once under the order's key (behind the original on its partition) and once
 * without a key, so that it may overtake replies sent after it. A saga must move once per reply
 * it was waiting for and ignore the rest.
 */
final class ReplyEcho implements AutoCloseable {

    static final String REPLIES = "order.saga-replies";

    private final String kafka;
    private final List<ConsumerRecord<byte[], byte[]>> heard = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean listening = true;

    private ReplyEcho(String kafka) {
        this.kafka = kafka;
        CompletableFuture<Void> assigned = new CompletableFuture<>();
        listener = Thread.ofPlatform().daemon().name("chaos-reply-echo").start(() -> listen(assigned));
        assigned.join();
    }

    /** Starts recording the replies sent from now on. */
    static ReplyEcho listen(String kafka) {
        return new ReplyEcho(kafka);
    }

    private void listen(CompletableFuture<Void> assigned) {
        Map<String, Object> settings =
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(REPLIES, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.complete(null);
            while (listening) {
                consumer.poll(Duration.ofMillis(100)).forEach(heard::add);
            }
        } catch (RuntimeException e) {
            assigned.completeExceptionally(e);
        }
    }

    /** Stops recording and sends every recorded reply twice, shuffled; answers how many it sent. */
    int echo() throws InterruptedException {
        listening = false;
        listener.join(Duration.ofSeconds(10));
        List<ProducerRecord<byte[], byte[]>> twice = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> reply : heard) {
            twice.add(copy(reply, reply.key()));
            twice.add(copy(reply, null));
        }
        Collections.shuffle(twice, new Random(heard.size()));
        Map<String, Object> settings =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            twice.forEach(producer::send);
            producer.flush();
        }
        return twice.size();
    }

    private static ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> reply, byte[] key) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(reply.topic(), key, reply.value());
        for (Header header : reply.headers()) {
            again.headers().add(header);
        }
        return again;
    }

    @Override
    public void close() throws InterruptedException {
        listening = false;
        listener.join(Duration.ofSeconds(10));
    }
}
