package io.polyshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventEnvelopesTest {

    private final EventEnvelopes envelopes =
            new EventEnvelopes("order", Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC));

    @Test
    void wrapsDataInACloudEventAboutTheAggregate() {
        CloudEvent event = envelopes.envelope(
                "polyshop.order.placed.v1", "order-42", "{\"total\":\"19.99\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getSource()).hasToString("/polyshop/order");
        assertThat(event.getType()).isEqualTo("polyshop.order.placed.v1");
        assertThat(event.getSubject()).isEqualTo("order-42");
        assertThat(event.getTime()).hasToString("2026-11-23T10:15:30Z");
        assertThat(event.getId()).isNotBlank();
    }

    @Test
    void survivesAStructuredJsonRoundTrip() {
        CloudEvent event = envelopes.envelope(
                "polyshop.order.placed.v1", "order-42", "{\"total\":\"19.99\"}".getBytes(StandardCharsets.UTF_8));

        byte[] json = envelopes.serialize(event);
        CloudEvent read = envelopes.deserialize(json);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"specversion\":\"1.0\"")
                .contains("\"data\":{\"total\":\"19.99\"}");
        assertThat(read.getId()).isEqualTo(event.getId());
        assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":\"19.99\"}");
    }

    @Test
    void refusesSettingsThatWouldNeverDeadLetter() {
        assertThatThrownBy(() -> new MessagingProperties(0, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-attempts");
    }

    @Test
    void refusesATransientBackoffThatDoesNotGrowTowardsItsLimit() {
        assertThatThrownBy(() -> new MessagingProperties(
                        null, null, Duration.ofSeconds(20), Duration.ofSeconds(10), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transient-backoff");
    }
}
