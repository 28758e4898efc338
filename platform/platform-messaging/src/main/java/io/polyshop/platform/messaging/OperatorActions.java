package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator did by hand (a dead-letter replay, a parked event released, a compensation sent
 * again): written to the {@code polyshop.audit} log with who and when, and announced on
 * {@value #TOPIC} so that a later reader of the event stream knows why an event came twice.
 */
public class OperatorActions {

    public static final String TOPIC = "polyshop.operator.actions";

    private static final Logger audit = LoggerFactory.getLogger("polyshop.audit");

    private final String service;
    private final String type;
    private final EventEnvelopes envelopes;
    private final KafkaOperations<String, Object> kafka;
    private final JsonMapper json;
    private final Clock clock;

    public OperatorActions(
            String service,
            EventEnvelopes envelopes,
            KafkaOperations<String, Object> kafka,
            JsonMapper json,
            Clock clock) {
        this.service = service;
        this.type = "polyshop." + service + ".operator-action-taken.v1";
        this.envelopes = envelopes;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records {@code action} on {@code target} by {@code caller} (the token's subject). The
     * announcement is sent in the background: the audit line is the record that must not wait for
     * Kafka, and its failure is written there as well.
     */
    public void record(Principal caller, String action, String target, Map<String, ?> details) {
        String actor = caller == null ? "unknown" : caller.getName();
        Instant at = clock.instant();
        audit.info("{}: target={} details={} by={} at={}", action, target, details, actor, at);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("action", action);
        data.put("target", target);
        data.put("actor", actor);
        data.put("at", at.toString());
        data.put("details", details);
        CloudEvent event = envelopes.envelope(type, target, json.writeValueAsBytes(data));
        kafka.send(EventEnvelopes.producerRecord(TOPIC, service, envelopes.serialize(event), null))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        audit.warn(
                                "{}: not announced on {} ({}): target={} by={}",
                                action,
                                TOPIC,
                                failure.getMessage(),
                                target,
                                actor);
                    }
                });
    }
}
