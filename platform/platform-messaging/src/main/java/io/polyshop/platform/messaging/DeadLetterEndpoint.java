package io.polyshop.platform.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The operator's replay command: {@code POST /actuator/deadletters/{topic}} replays that dead-letter
 * topic (ADMIN only, like every operator endpoint). Each replay is written to the audit log with
 * who asked for it and how many events went back, and announced on {@link OperatorActions#TOPIC}.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;
    private final OperatorActions actions;

    public DeadLetterEndpoint(DeadLetters deadLetters, OperatorActions actions) {
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    /** 400 for a topic that is not a dead-letter topic. */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replay(SecurityContext caller, @Selector String topic) {
        if (!deadLetters.isDeadLetterTopic(topic)) {
            return new WebEndpointResponse<>(
                    Map.of(
                            "topic",
                            topic,
                            "detail",
                            "not a dead-letter topic; those end in " + deadLetters.deadLetterTopicOf("")),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        int replayed = deadLetters.replay(topic);
        actions.record(caller.getPrincipal(), "dead letters replayed", topic, Map.of("events", replayed));
        return new WebEndpointResponse<>(Map.of("topic", topic, "replayed", replayed));
    }
}
