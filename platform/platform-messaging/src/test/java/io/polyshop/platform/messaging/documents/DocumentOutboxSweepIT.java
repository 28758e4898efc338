package io.polyshop.platform.messaging.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.messaging.DocumentOutbox;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events the relay was not told about, as another instance or a crash leaves them, go out at the
 * next sweep. Its own database: the relay of another test context holds the lease of its own.
 */
@SpringBootTest(classes = DocumentSampleApplication.class, properties = "polyshop.messaging.outbox.document-sweep=1s")
class DocumentOutboxSweepIT {

    private static final String TOPIC = "samples.swept";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static TopicRecorder published;

    @Autowired
    MongoOperations mongo;

    @Autowired
    DocumentOutbox outbox;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.mongo(registry, "outbox-sweep");
        SpringEngineProperties.kafka(registry);
    }

    @BeforeAll
    static void record() {
        published = TopicRecorder.start(TOPIC);
    }

    @AfterAll
    static void stopRecording() {
        published.close();
    }

    @Test
    void publishesEventsWrittenWithoutTellingTheRelay() {
        String id = "unannounced-" + UUID.randomUUID();
        Document event = outbox.pending(TOPIC, id, "polyshop.sample.step-taken.v1", Map.of("step", 1));
        mongo.insert(new Document("_id", id).append("step", 1).append(DocumentOutbox.FIELD, List.of(event)), "samples");

        await().atMost(DEADLINE).until(() -> !published.about(id).isEmpty());
        assertThat(published.about(id)).hasSize(1);
        await().atMost(DEADLINE)
                .until(() -> mongo.findById(id, Document.class, "samples")
                        .getList(DocumentOutbox.FIELD, Object.class)
                        .isEmpty());
    }
}
