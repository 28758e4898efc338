package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.ConfirmReservation;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReserveStock;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reservations that nobody confirms give their stock back: a context with a one-second hold. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReservationExpiryIT {

    private static final String REPLIES = "reservation-expiry-it.replies";

    @AutoClose
    private static final TopicRecorder replies = TopicRecorder.start(REPLIES);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        InventoryFixture.engines(registry);
        registry.add("polyshop.inventory.reservation-ttl", () -> "PT1S");
        registry.add("polyshop.inventory.expiry-sweep", () -> "PT0.2S");
    }

    @Test
    void anUnconfirmedReservationIsReleasedAfterItsExpiryAndCannotBeConfirmedThen() {
        InventoryFixture inventory = new InventoryFixture(port);
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 8);
        String reservation = InventoryFixture.reservationId();

        InventoryFixture.command(
                polyshopEventTemplate,
                envelopes,
                InventoryMessages.RESERVE_STOCK,
                reservation,
                new ReserveStock(reservation, "order-1", List.of(new StockLine(sku, 5)), REPLIES));
        TopicRecorder.Event released = replies.await(
                event -> event.subject().equals(reservation) && event.type().equals(InventoryMessages.STOCK_RELEASED),
                Duration.ofSeconds(30));

        assertThat(released.data().get("reason").asString()).isEqualTo("expired");
        assertThat(replies.about(reservation).getFirst().type()).isEqualTo(InventoryMessages.STOCK_RESERVED);
        assertThat(inventory.available(sku)).isEqualTo(8);
        assertThat(inventory.level(sku).get("reserved").asLong()).isZero();

        InventoryFixture.command(
                polyshopEventTemplate,
                envelopes,
                InventoryMessages.CONFIRM_RESERVATION,
                reservation,
                new ConfirmReservation(reservation, REPLIES));
        replies.await(
                event -> event.subject().equals(reservation)
                        && event.type().equals(InventoryMessages.RESERVATION_CONFIRMATION_FAILED),
                Duration.ofSeconds(30));
        assertThat(inventory.level(sku).get("onHand").asLong()).isEqualTo(8);
        inventory.assertLedgerMatches(sku);
    }
}
