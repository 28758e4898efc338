package io.polyshop.platform.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's replay command: {@code POST /actuator/deadletters/{topic}} replays that dead-letter
 * topic (ADMIN only, like every operator endpoint). Each replay is written to the audit log with
 * who asked for it and how many events went back.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @WriteOperation
    public Map<String, Object> replay(SecurityContext caller, @Selector String topic) {
        int replayed = deadLetters.replay(topic);
        OperatorAudit.record(caller, "dead letters replayed", "topic=" + topic + " events=" + replayed);
        return Map.of("topic", topic, "replayed", replayed);
    }
}
