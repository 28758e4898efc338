package io.polyshop.platform.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The operator's view of this service's outbox: {@code GET /actuator/outbox} shows the backlog and
 * the events parked because Kafka refused them, {@code POST /actuator/outbox/{eventId}} releases one
 * (ADMIN only, like every operator endpoint; audited and announced by {@link OperatorActions}).
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final int SHOWN = 100;

    private final OutboxBacklog backlog;
    private final ParkedEvents parked;
    private final OperatorActions actions;

    public OutboxEndpoint(OutboxBacklog backlog, ParkedEvents parked, OperatorActions actions) {
        this.backlog = backlog;
        this.parked = parked;
        this.actions = actions;
    }

    @ReadOperation
    public Map<String, Object> outbox() {
        OutboxBacklog.Snapshot snapshot = backlog.snapshot();
        return Map.of(
                "pending", snapshot.pending(),
                "oldestPendingAgeSeconds", snapshot.oldestAge().toSeconds(),
                "parked", snapshot.parked(),
                "parkedEvents", parked.list(SHOWN));
    }

    /** 404 when no event with that id is parked. */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> release(SecurityContext caller, @Selector String eventId) {
        boolean released = parked.release(eventId);
        actions.record(caller.getPrincipal(), "parked outbox event released", eventId, Map.of("released", released));
        return new WebEndpointResponse<>(
                Map.of("eventId", eventId, "released", released),
                released ? WebEndpointResponse.STATUS_OK : WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
