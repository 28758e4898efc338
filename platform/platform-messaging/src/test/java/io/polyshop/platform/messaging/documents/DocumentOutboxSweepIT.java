package io.polyshop.platform.messaging.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TopicRecorder;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events the relay was not told about, as another instance or a crash leaves them, go out at the
 * next sweep. Its own database: the relay of another test context holds the lease of its own.
 */
@SpringBootTest(classes = DocumentSampleApplication.class, properties = "polyshop.messaging.outbox.document-sweep=1s")
class DocumentOutboxSweepIT extends SampleDocuments {

    private static final String TOPIC = "samples.swept";

    @AutoClose
    private static final TopicRecorder published = TopicRecorder.start(TOPIC);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.mongo(registry, "outbox-sweep");
        SpringEngineProperties.kafka(registry);
    }

    @Test
    void publishesEventsWrittenWithoutTellingTheRelay() {
        String id = "unannounced-" + UUID.randomUUID();
        writeUnannounced(TOPIC, id, 1, Map.of("step", 1));

        await().atMost(DEADLINE).until(() -> !published.about(id).isEmpty());
        assertThat(published.about(id)).hasSize(1);
        await().atMost(DEADLINE).until(() -> pendingIn(id).isEmpty());
    }
}
