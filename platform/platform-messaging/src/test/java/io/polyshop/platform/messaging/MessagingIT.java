package io.polyshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.engines.PostgresEngine;
import io.polyshop.platform.messaging.sample.SampleApplication;
import io.polyshop.platform.messaging.sample.SampleOrders;
import io.polyshop.platform.messaging.sample.SampleProjection;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTopics;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = SampleApplication.class)
class MessagingIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    SampleOrders orders;

    @Autowired
    SampleProjection projection;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventEnvelopes envelopes;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    OutboxBacklog backlog;

    @Autowired
    io.micrometer.tracing.Tracer tracer;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    ConsumerLag consumerLag;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DeadLetterDepth deadLetterDepth;

    @Autowired
    KafkaHealth kafkaHealth;

    @Autowired
    JdbcParkedEvents parkedEvents;

    @Autowired
    OutboxEndpoint outboxEndpoint;

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "messaging");
        SpringEngineProperties.kafka(registry);
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        String committed = "committed-" + UUID.randomUUID();

        assertThatThrownBy(() -> orders.placeAndFail(rolledBack)).hasMessageContaining("unreachable");
        orders.place(committed);

        awaitApplied(committed, 1);
        assertThat(jdbc.sql("select count(*) from polyshop_messaging.outbox_event where message_key = ?")
                        .param(rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(subjectsOn(SampleOrders.TOPIC)).contains(committed).doesNotContain(rolledBack);
    }

    @Test
    void publishesWhatWasWrittenWhileKafkaWasDownOnceItReturnsAndAppliesEachOnceInOrder() {
        KafkaEngine kafka = TestEngines.embeddedKafka();
        List<String> ids = IntStream.range(0, 20)
                .mapToObj(i -> "outage-" + i + "-" + UUID.randomUUID())
                .toList();

        kafka.close();
        try {
            for (String id : ids) {
                orders.place(id);
                orders.pay(id);
            }
            assertThat(backlog.snapshot().pending()).isGreaterThanOrEqualTo(40);
            assertThat(kafkaHealth.health().getStatus().getCode()).isEqualTo("DOWN");
            await().atMost(DEADLINE)
                    .alias("the relay has tried and been refused while Kafka was away")
                    .until(() -> jdbc.sql("select coalesce(max(attempts), 0) from polyshop_messaging.outbox_event")
                                    .query(Integer.class)
                                    .single()
                            > 0);
        } finally {
            kafka.start();
        }

        for (String id : ids) {
            awaitApplied(id, 2);
            assertThat(typesAppliedFor(id))
                    .containsExactly("polyshop.sample.order-placed.v1", "polyshop.sample.order-paid.v1");
        }
        await().atMost(DEADLINE).until(() -> backlog.snapshot().pending() == 0);
        assertThat(kafkaHealth.health().getStatus().getCode()).isEqualTo("UP");
    }

    /**
     * Rows get their sequence on insert but become visible on commit, so an older row can commit
     * while a round is sending younger ones. The round must mark only what it sent: the older row
     * stays pending and goes out in the next round.
     */
    @Test
    void anEventCommittedWhileARoundIsSendingOthersIsNotMarkedPublishedUnsent() throws Exception {
        String late = "late-" + UUID.randomUUID();
        String early = "early-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commitLate = new CountDownLatch(1);
        relay.stop();
        try {
            CompletableFuture<Void> lateWriter =
                    CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                        outbox.append(
                                SampleOrders.TOPIC,
                                late,
                                "polyshop.sample.order-placed.v1",
                                new SampleOrders.OrderEvent(late));
                        appended.countDown();
                        awaitQuietly(commitLate);
                    }));
            appended.await();
            transactions.executeWithoutResult(status -> outbox.append(
                    SampleOrders.TOPIC, early, "polyshop.sample.order-placed.v1", new SampleOrders.OrderEvent(early)));
            OutboxRelay slowRound = new OutboxRelay(
                    jdbc,
                    transactions,
                    committingWhileSending(polyshopEventTemplate, () -> {
                        commitLate.countDown();
                        lateWriter.join();
                    }),
                    parkedEvents,
                    new MessagingProperties.Relay(null, null, null, null, null, null, null));

            slowRound.relayOnce();
            slowRound.stopped();

            assertThat(publishedAt(late))
                    .as("the late row was not sent, so it is still pending")
                    .isNull();
            assertThat(publishedAt(early)).isNotNull();
        } finally {
            relay.start();
        }
        await().atMost(DEADLINE).until(() -> publishedAt(late) != null);
        assertThat(subjectsOn(SampleOrders.TOPIC)).contains(early, late);
    }

    @Test
    void parksAnEventKafkaRefusesSendsTheOthersOnceAndPublishesItWhenReleasedAfterTheFix() {
        String oversizedTopic = "sample.oversized";
        TestTopics.create(oversizedTopic, 100_000);
        String oversized = "oversized-" + UUID.randomUUID();
        List<String> around = List.of("before-" + oversized, "after-" + oversized);
        relay.stop();
        try {
            orders.place(around.get(0));
            transactions.executeWithoutResult(status -> outbox.append(
                    oversizedTopic,
                    oversized,
                    "polyshop.sample.order-placed.v1",
                    Map.of("orderId", oversized, "notes", "x".repeat(200_000))));
            orders.place(around.get(1));
        } finally {
            relay.start();
        }

        await().atMost(DEADLINE).until(() -> parkedEvents.count() == 1);
        around.forEach(id -> awaitApplied(id, 1));
        await().atMost(DEADLINE).until(() -> backlog.snapshot().pending() == 0);
        assertThat(subjectsOn(SampleOrders.TOPIC))
                .as("what Kafka acknowledged went out once, however often the oversized event was refused")
                .containsOnlyOnce(around.toArray(String[]::new));
        ParkedEvents.Parked parked = parkedEvents.list(10).stream()
                .filter(event -> event.key().equals(oversized))
                .findFirst()
                .orElseThrow();
        assertThat(parked.reason()).contains("RecordTooLargeException");
        assertThat(backlog.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(outboxEndpoint.outbox()).containsEntry("parked", 1L);

        TestTopics.allowRecordsUpTo(oversizedTopic, 1_000_000);
        assertThat(outboxEndpoint
                        .release(SecurityContext.NONE, parked.eventId())
                        .getStatus())
                .isEqualTo(200);

        await().atMost(DEADLINE).until(() -> subjectsOn(oversizedTopic).contains(oversized));
        await().atMost(DEADLINE).until(() -> parkedEvents.count() == 0);
        assertThat(backlog.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(outboxEndpoint
                        .release(SecurityContext.NONE, parked.eventId())
                        .getStatus())
                .as("nothing is parked under that id any more")
                .isEqualTo(404);
    }

    private java.sql.Timestamp publishedAt(String key) {
        return jdbc.sql("select published_at from polyshop_messaging.outbox_event where message_key = ?")
                .param(key)
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null);
    }

    /** The real template, running {@code meanwhile} before each send is acknowledged. */
    @SuppressWarnings("unchecked")
    private static KafkaOperations<String, Object> committingWhileSending(
            KafkaOperations<String, Object> kafka, Runnable meanwhile) {
        return (KafkaOperations<String, Object>) Proxy.newProxyInstance(
                KafkaOperations.class.getClassLoader(),
                new Class<?>[] {KafkaOperations.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(kafka, args);
                    if (method.getName().equals("send")) {
                        meanwhile.run();
                    }
                    return result;
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void appliesARedeliveredEventOnce() {
        String id = "redelivered-" + UUID.randomUUID();
        CloudEvent event =
                envelopes.envelope("polyshop.sample.order-placed.v1", id, "{}".getBytes(StandardCharsets.UTF_8));
        String marker = "marker-after-" + id;
        CloudEvent markerEvent =
                envelopes.envelope("polyshop.sample.order-paid.v1", marker, "{}".getBytes(StandardCharsets.UTF_8));

        send(id, event);
        send(id, event);
        send(id, markerEvent);

        awaitApplied(marker, 1);
        assertThat(appliedCount(id)).isEqualTo(1);
    }

    @Test
    void parksAPoisonEventInTheDeadLetterTopicKeepsThePartitionFlowingAndReplaysItAfterTheFix() {
        String poison = "poison-" + UUID.randomUUID();
        String healthy = "healthy-after-" + poison;
        CloudEvent poisonEvent =
                envelopes.envelope("polyshop.sample.order-placed.v1", poison, "{}".getBytes(StandardCharsets.UTF_8));

        send(poison, poisonEvent);
        send(
                poison,
                envelopes.envelope("polyshop.sample.order-paid.v1", healthy, "{}".getBytes(StandardCharsets.UTF_8)));

        awaitApplied(healthy, 1);
        String deadLetterTopic = deadLetters.deadLetterTopicOf(SampleOrders.TOPIC);
        await().atMost(DEADLINE).until(() -> subjectsOn(deadLetterTopic).contains(poison));
        assertThat(appliedCount(poison)).isZero();

        projection.fix(poison);
        assertThat(deadLetters.replay(deadLetterTopic)).isGreaterThanOrEqualTo(1);

        awaitApplied(poison, 1);
        assertThat(deadLetters.replay(deadLetterTopic))
                .as("a second replay finds nothing new")
                .isZero();
    }

    @Test
    void ridesOutAStoreOutageHoldingThePartitionAndDeadLettersNothing() {
        PostgresEngine postgres = TestEngines.embeddedPostgres();
        List<String> ids = IntStream.range(0, 10)
                .mapToObj(i -> "store-outage-" + i + "-" + UUID.randomUUID())
                .toList();
        int failedBefore = projection.failedDeliveries();

        postgres.close();
        try {
            ids.forEach(id -> send(
                    id,
                    envelopes.envelope("polyshop.sample.order-placed.v1", id, "{}".getBytes(StandardCharsets.UTF_8))));
            await().atMost(DEADLINE)
                    .alias("deliveries failed on the missing store for a while")
                    .until(() -> projection.failedDeliveries() >= failedBefore + 4);
        } finally {
            postgres.start();
        }

        ids.forEach(id -> awaitApplied(id, 1));
        assertThat(subjectsOn(deadLetters.deadLetterTopicOf(SampleOrders.TOPIC)))
                .doesNotContainAnyElementsOf(ids);
    }

    @Test
    void sendsABadPayloadToTheDeadLettersAtOnceAndReportsTheDepthUntilItIsReplayed() {
        String poison = "poison-depth-" + UUID.randomUUID();
        String deadLetterTopic = deadLetters.deadLetterTopicOf(SampleOrders.TOPIC);
        deadLetters.replay(deadLetterTopic);
        await().atMost(DEADLINE)
                .until(() -> deadLetterDepth.health().getStatus().getCode().equals("UP"));
        int failedBefore = projection.failedDeliveries();

        send(
                poison,
                envelopes.envelope("polyshop.sample.order-placed.v1", poison, "{}".getBytes(StandardCharsets.UTF_8)));

        await().atMost(DEADLINE).until(() -> subjectsOn(deadLetterTopic).contains(poison));
        assertThat(projection.failedDeliveries())
                .as("an event that can never be applied is not tried again")
                .isEqualTo(failedBefore + 1);
        await().atMost(DEADLINE)
                .until(() -> deadLetterDepth.health().getStatus().getCode().equals("DOWN"));
        assertThat(deadLetterDepth.depths()).containsEntry(deadLetterTopic, 1L);
        assertThat(meters.get("polyshop.deadletter.depth")
                        .tag("topic", deadLetterTopic)
                        .gauge()
                        .value())
                .isEqualTo(1.0);

        projection.fix(poison);
        deadLetters.replay(deadLetterTopic);

        awaitApplied(poison, 1);
        await().atMost(DEADLINE).until(() -> deadLetterDepth.depths().get(deadLetterTopic) == 0L);
        assertThat(deadLetterDepth.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void carriesTheWritersTraceFromTheOutboxRowToTheKafkaRecord() {
        String id = "traced-" + UUID.randomUUID();
        var span = tracer.nextSpan().name("place order").start();
        try (var scope = tracer.withSpan(span)) {
            orders.place(id);
        } finally {
            span.end();
        }
        String traceId = span.context().traceId();

        awaitApplied(id, 1);
        assertThat(jdbc.sql("select trace_parent from polyshop_messaging.outbox_event where message_key = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains(traceId);
        assertThat(traceParentsOn(SampleOrders.TOPIC, id))
                .singleElement()
                .asString()
                .contains(traceId);
    }

    @Test
    void reportsOutboxBacklogAndConsumerLagAsMetricsAndHealth() {
        String id = "measured-" + UUID.randomUUID();
        orders.place(id);
        awaitApplied(id, 1);

        // A sent event is marked published by the relay's next round, at the latest one idle poll later.
        await().atMost(DEADLINE)
                .until(() -> meters.get("polyshop.outbox.backlog").gauge().value() == 0);
        assertThat(meters.get("polyshop.outbox.oldest.age").gauge().value()).isZero();
        await().atMost(DEADLINE)
                .until(() -> !meters.find(ConsumerLag.LAG_METRIC).gauges().isEmpty());
        assertThat(consumerLag.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(backlog.health().getStatus().getCode()).isEqualTo("UP");
    }

    private List<String> traceParentsOn(String topic, String subject) {
        List<String> traceParents = new ArrayList<>();
        readTopic(topic, record -> {
            if (subject.equals(envelopes.deserialize(record.value()).getSubject())) {
                var header = record.headers().lastHeader("traceparent");
                traceParents.add(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        });
        return traceParents;
    }

    private void send(String key, CloudEvent event) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(SampleOrders.TOPIC, key, envelopes.serialize(event));
        record.headers().add("content-type", EventEnvelopes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        polyshopEventTemplate.send(record).join();
    }

    private void awaitApplied(String orderId, int events) {
        // The database may still be starting after an outage test.
        await().atMost(DEADLINE).ignoreExceptions().until(() -> appliedCount(orderId) >= events);
        assertThat(appliedCount(orderId)).isEqualTo(events);
    }

    private long appliedCount(String orderId) {
        return jdbc.sql("select count(*) from applied_event where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private List<String> typesAppliedFor(String orderId) {
        return jdbc.sql("select type from applied_event where order_id = ? order by applied_order")
                .param(orderId)
                .query(String.class)
                .list();
    }

    /** The CloudEvents' subjects on a topic, from its beginning to its current end. */
    private List<String> subjectsOn(String topic) {
        List<String> subjects = new ArrayList<>();
        readTopic(
                topic,
                record -> subjects.add(envelopes.deserialize(record.value()).getSubject()));
        return subjects;
    }

    private static void readTopic(String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> reader) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestEngines.kafkaBootstrapServers(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(reader);
            }
        }
    }
}
