package io.polyshop.platform.observability;

import io.micrometer.tracing.Tracer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service that answers HTTP and forwards to Kafka, to follow one trace across both. */
@SpringBootApplication
public class ObservabilitySampleApplication {

    static final String TOPIC = "observability.pings";

    @RestController
    static class Pings {

        private static final Logger log = LoggerFactory.getLogger(Pings.class);
        private final KafkaTemplate<String, String> kafka;
        private final Tracer tracer;
        final BlockingQueue<String> receivedTraceIds = new LinkedBlockingQueue<>();

        Pings(KafkaTemplate<String, String> kafka, Tracer tracer) {
            this.kafka = kafka;
            this.tracer = tracer;
        }

        @GetMapping("/ping")
        String ping() {
            log.info("ping received");
            kafka.send(TOPIC, "ping").join();
            return tracer.currentSpan().context().traceId();
        }

        @KafkaListener(topics = TOPIC)
        void onPing(ConsumerRecord<String, String> record) {
            receivedTraceIds.add(tracer.currentSpan().context().traceId());
        }
    }
}
