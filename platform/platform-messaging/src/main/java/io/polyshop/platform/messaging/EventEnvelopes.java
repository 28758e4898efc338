package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds and reads CloudEvents 1.0 envelopes in structured JSON mode, using the CloudEvents SDK.
 * Types follow {@code polyshop.<service>.<event>.v<N>}; the subject is the aggregate id.
 */
public final class EventEnvelopes {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final URI source;
    private final Clock clock;
    private final EventFormat format;

    public EventEnvelopes(String serviceName, Clock clock) {
        this.source = URI.create("/polyshop/" + serviceName);
        this.clock = clock;
        this.format = EventFormatProvider.getInstance().resolveFormat(CONTENT_TYPE);
    }

    public CloudEvent envelope(String type, String subject, byte[] jsonData) {
        return envelope(UUID.randomUUID(), type, subject, jsonData);
    }

    /** An envelope with the id the caller chose, e.g. a saga's command id that its timer looks for. */
    public CloudEvent envelope(UUID id, String type, String subject, byte[] jsonData) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(jsonData)
                .build();
    }

    /**
     * The Kafka record for a serialized envelope, keyed by aggregate id, with the headers a
     * structured-mode CloudEvents consumer needs and the W3C trace parent when there is one.
     */
    public static ProducerRecord<String, Object> producerRecord(
            String topic, String key, byte[] envelope, String traceParent) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, envelope);
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (traceParent != null) {
            record.headers().add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    public byte[] serialize(CloudEvent event) {
        return format.serialize(event);
    }

    public CloudEvent deserialize(byte[] structuredJson) {
        return format.deserialize(structuredJson);
    }
}
