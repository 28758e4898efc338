package io.polyshop.platform.messaging.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.messaging.DocumentParkedEvents;
import io.polyshop.platform.messaging.OutboxBacklog;
import io.polyshop.platform.messaging.ParkedEvents;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTopics;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sweep is an hour away here: what these tests see published went out because the write named its document. */
@SpringBootTest(classes = DocumentSampleApplication.class, properties = "polyshop.messaging.outbox.document-sweep=1h")
class DocumentOutboxIT extends SampleDocuments {

    private static final String TOPIC = "samples.documents";

    @AutoClose
    private static final TopicRecorder published = TopicRecorder.start(TOPIC);

    @Autowired
    DocumentParkedEvents parkedEvents;

    @Autowired
    OutboxBacklog backlog;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.mongo(registry, "outbox");
        SpringEngineProperties.kafka(registry);
    }

    /** Writes the aggregate and its event in one single-document operation, as an adapter does. */
    private void write(String id, int step) {
        write(TOPIC, id, step, Map.of("step", step));
    }

    private void write(String topic, String id, int step, Map<String, Object> data) {
        writeUnannounced(topic, id, step, data);
        outbox.written(COLLECTION, id);
    }

    private List<Integer> stepsPublishedFor(String id) {
        return stepsPublishedFor(published, id);
    }

    private static List<Integer> stepsPublishedFor(TopicRecorder recorder, String id) {
        return recorder.about(id).stream()
                .map(event -> event.data().get("step").asInt())
                .toList();
    }

    @Test
    void publishesEachDocumentsEventsInOrderAndRemovesThemOnceKafkaHasThem() {
        String id = "sample-" + UUID.randomUUID();
        for (int step = 1; step <= 5; step++) {
            write(id, step);
        }

        await().atMost(DEADLINE).until(() -> stepsPublishedFor(id).size() == 5);
        assertThat(stepsPublishedFor(id)).containsExactly(1, 2, 3, 4, 5);
        await().atMost(DEADLINE).until(() -> pendingIn(id).isEmpty());
    }

    @Test
    void parksAnEventKafkaRefusesPublishesTheRestOfItsDocumentOnceAndReleasesItAfterTheFix() {
        String topic = "samples.documents.limited";
        TestTopics.create(topic, 100_000);
        String id = "oversized-" + UUID.randomUUID();
        try (TopicRecorder limited = TopicRecorder.start(topic)) {
            write(topic, id, 1, Map.of("step", 1));
            write(topic, id, 2, Map.of("step", 2, "notes", "x".repeat(200_000)));
            write(topic, id, 3, Map.of("step", 3));

            await().atMost(DEADLINE).until(() -> parkedEvents.count() == 1);
            await().atMost(DEADLINE).until(() -> pendingIn(id).isEmpty());
            await().atMost(DEADLINE).until(() -> stepsPublishedFor(limited, id).size() == 2);
            assertThat(stepsPublishedFor(limited, id)).containsExactly(1, 3);
            ParkedEvents.Parked parked = parkedEvents.list(10).getFirst();
            assertThat(parked.key()).isEqualTo(id);
            assertThat(parked.reason()).contains("RecordTooLargeException");
            await().atMost(DEADLINE).until(() -> backlog.snapshot().parked() == 1);
            assertThat(backlog.health().getStatus().getCode()).isEqualTo("DOWN");

            TestTopics.allowRecordsUpTo(topic, 1_000_000);
            assertThat(parkedEvents.release(parked.eventId())).isTrue();

            await().atMost(DEADLINE).until(() -> stepsPublishedFor(limited, id).size() == 3);
            assertThat(stepsPublishedFor(limited, id)).containsExactly(1, 3, 2);
            assertThat(parkedEvents.count()).isZero();
            await().atMost(DEADLINE)
                    .until(() -> backlog.health().getStatus().getCode().equals("UP"));
        }
    }

    @Test
    void keepsEventsInTheirDocumentsWhileKafkaIsAwayAndPublishesThemInOrderWhenItReturns() {
        KafkaEngine kafka = TestEngines.embeddedKafka();
        List<String> ids = IntStream.range(0, 10)
                .mapToObj(i -> "outage-" + i + "-" + UUID.randomUUID())
                .toList();
        kafka.close();
        try {
            for (String id : ids) {
                write(id, 1);
                write(id, 2);
            }
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(DEADLINE)
                    .untilAsserted(() -> assertThat(ids)
                            .allSatisfy(id -> assertThat(pendingIn(id)).hasSize(2)));
        } finally {
            kafka.start();
        }

        for (String id : ids) {
            await().atMost(DEADLINE).until(() -> stepsPublishedFor(id).size() >= 2);
            assertThat(stepsPublishedFor(id)).startsWith(1, 2);
            await().atMost(DEADLINE).until(() -> pendingIn(id).isEmpty());
        }
    }
}
