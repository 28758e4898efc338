package io.polyshop.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.messaging.DynamoDbOutbox;
import io.polyshop.platform.messaging.DynamoDbParkedEvents;
import io.polyshop.platform.messaging.OutboxBacklog;
import io.polyshop.platform.messaging.ParkedEvents;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTopics;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

@SpringBootTest(
        classes = DynamoDbSampleApplication.class,
        properties = {
            "spring.application.name=dynamodb-sample",
            "polyshop.messaging.dynamodb.outbox-table=sample_outbox_${random.uuid}"
        })
class DynamoDbOutboxIT {

    private static final String TOPIC = "samples.items";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static TopicRecorder published;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DynamoDbOutbox outbox;

    @Autowired
    DynamoDbParkedEvents parkedEvents;

    @Autowired
    OutboxBacklog backlog;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.kafka(registry);
    }

    @BeforeAll
    static void record() {
        TestTopics.create(TOPIC, 100_000);
        published = TopicRecorder.start(TOPIC);
    }

    @AfterAll
    static void stopRecording() {
        published.close();
    }

    /** Commits one event about {@code id}, as an adapter adds it to the transaction that changes the aggregate. */
    private void write(String id, int step, Map<String, Object> data) {
        TransactWriteItem event = outbox.pending(TOPIC, id, "polyshop.sample.step-taken.v1", data);
        dynamo.transactWriteItems(write -> write.transactItems(event));
        outbox.written(List.of(event));
    }

    private List<Integer> stepsPublishedFor(String id) {
        return published.about(id).stream()
                .map(event -> event.data().get("step").asInt())
                .toList();
    }

    @Test
    void parksAnEventKafkaRefusesPublishesTheOthersOnceAndReleasesItToItsPlaceAfterTheFix() {
        String id = "oversized-" + UUID.randomUUID();

        write(id, 1, Map.of("step", 1));
        write(id, 2, Map.of("step", 2, "notes", "x".repeat(200_000)));
        write(id, 3, Map.of("step", 3));

        await().atMost(DEADLINE).until(() -> parkedEvents.count() == 1);
        await().atMost(DEADLINE).until(() -> stepsPublishedFor(id).size() == 2);
        await().atMost(DEADLINE).until(() -> backlog.snapshot().pending() == 0);
        assertThat(stepsPublishedFor(id)).containsExactly(1, 3);
        ParkedEvents.Parked parked = parkedEvents.list(10).getFirst();
        assertThat(parked.key()).isEqualTo(id);
        assertThat(parked.reason()).contains("RecordTooLargeException");
        assertThat(backlog.health().getStatus().getCode()).isEqualTo("DOWN");

        TestTopics.allowRecordsUpTo(TOPIC, 1_000_000);
        assertThat(parkedEvents.release(parked.eventId())).isTrue();

        await().atMost(DEADLINE).until(() -> stepsPublishedFor(id).size() == 3);
        assertThat(stepsPublishedFor(id)).containsExactly(1, 3, 2);
        assertThat(parkedEvents.count()).isZero();
        assertThat(parkedEvents.release(parked.eventId())).isFalse();
        await().atMost(DEADLINE)
                .until(() -> backlog.health().getStatus().getCode().equals("UP"));
    }
}
