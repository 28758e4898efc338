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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga's commands. Each is idempotent by reservation id, so a redelivery has no second
 * effect; a command that cannot be read fails and, after the configured attempts, goes to the
 * dead-letter topic.
 */
public class InventoryCommandsListener {

    private static final Logger log = LoggerFactory.getLogger(InventoryCommandsListener.class);
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final Reservations reservations;
    private final JsonMapper json;

    public InventoryCommandsListener(Reservations reservations, JsonMapper json) {
        this.reservations = reservations;
        // Producers may add fields to their contracts; a consumer reads what it knows.
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @KafkaListener(id = "inventory-commands", topics = InventoryMessages.COMMANDS)
    public void onCommand(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || event.getData() == null) {
            throw new IllegalArgumentException("not a CloudEvent with data at offset " + record.offset());
        }
        byte[] data = event.getData().toBytes();
        switch (event.getType()) {
            case InventoryMessages.RESERVE_STOCK -> {
                ReserveStock command = json.readValue(data, ReserveStock.class);
                List<StockLine> lines = command.lines() == null
                        ? List.of()
                        : command.lines().stream()
                                .map(line -> new StockLine(new Sku(line.sku()), line.quantity()))
                                .toList();
                reservations.reserve(
                        new ReservationId(command.reservationId()),
                        command.orderId(),
                        lines,
                        replyTo(command.replyTo()));
            }
            case InventoryMessages.CONFIRM_RESERVATION -> {
                ConfirmReservation command = json.readValue(data, ConfirmReservation.class);
                reservations.confirm(new ReservationId(command.reservationId()), replyTo(command.replyTo()));
            }
            case InventoryMessages.RELEASE_STOCK -> {
                ReleaseStock command = json.readValue(data, ReleaseStock.class);
                String reason = command.reason() == null || command.reason().isBlank()
                        ? "released"
                        : command.reason()
                                .substring(0, Math.min(200, command.reason().length()));
                reservations.release(new ReservationId(command.reservationId()), reason, replyTo(command.replyTo()));
            }
            default -> log.warn("ignoring a command of unknown type {} ({})", event.getType(), event.getId());
        }
    }

    private static Optional<String> replyTo(String topic) {
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("replyTo is not a topic name: " + topic);
        }
        return Optional.ofNullable(topic);
    }
}
