package io.polyshop.platform.messaging;

import java.security.Principal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger audit = LoggerFactory.getLogger("polyshop.audit");

    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @WriteOperation
    public Map<String, Object> replay(SecurityContext caller, @Selector String topic) {
        int replayed = deadLetters.replay(topic);
        Principal principal = caller.getPrincipal();
        audit.info(
                "dead letters replayed: topic={} events={} by={}",
                topic,
                replayed,
                principal == null ? "unknown" : principal.getName());
        return Map.of("topic", topic, "replayed", replayed);
    }
}
