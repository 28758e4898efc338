package io.polyshop.inventory.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.inventory.api.ConfirmReservation;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReleaseStock;
import io.polyshop.inventory.api.ReserveStock;
import io.polyshop.inventory.application.Reservations;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockLine;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.MessagingDefaults;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The saga's commands. Each is idempotent by reservation id, so a redelivery has no second
 * effect; a command that cannot be read fails and, after the configured attempts, goes to the
 * dead-letter topic.
 */
public class InventoryCommandsListener {

    private static final Logger log = LoggerFactory.getLogger(InventoryCommandsListener.class);

    private final Reservations reservations;
    private final ConsumedEvents events;

    public InventoryCommandsListener(Reservations reservations, ConsumedEvents events) {
        this.reservations = reservations;
        this.events = events;
    }

    @KafkaListener(
            id = "inventory-commands",
            topics = InventoryMessages.COMMANDS,
            concurrency = MessagingDefaults.SAGA_LISTENER_CONCURRENCY)
    public void onCommand(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        switch (event.getType()) {
            case InventoryMessages.RESERVE_STOCK -> {
                ReserveStock command = events.data(event, ReserveStock.class);
                List<StockLine> lines = command.lines() == null
                        ? List.of()
                        : command.lines().stream()
                                .map(line -> new StockLine(new Sku(line.sku()), line.quantity()))
                                .toList();
                reservations.reserve(
                        new ReservationId(command.reservationId()),
                        command.orderId(),
                        lines,
                        events.replyTopic(command.replyTo()));
            }
            case InventoryMessages.CONFIRM_RESERVATION -> {
                ConfirmReservation command = events.data(event, ConfirmReservation.class);
                reservations.confirm(new ReservationId(command.reservationId()), events.replyTopic(command.replyTo()));
            }
            case InventoryMessages.RELEASE_STOCK -> {
                ReleaseStock command = events.data(event, ReleaseStock.class);
                String reason = command.reason() == null || command.reason().isBlank()
                        ? "released"
                        : command.reason()
                                .substring(0, Math.min(200, command.reason().length()));
                reservations.release(
                        new ReservationId(command.reservationId()), reason, events.replyTopic(command.replyTo()));
            }
            default -> log.warn("ignoring a command of unknown type {} ({})", event.getType(), event.getId());
        }
    }
}
