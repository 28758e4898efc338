package io.polyshop.platform.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** The operator's replay command: {@code POST /actuator/deadletters/{topic}} replays that dead-letter topic. */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String topic) {
        return Map.of("topic", topic, "replayed", deadLetters.replay(topic));
    }
}
