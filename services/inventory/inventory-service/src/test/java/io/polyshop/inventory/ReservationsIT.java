package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.ConfirmReservation;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReleaseStock;
import io.polyshop.inventory.api.ReserveStock;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.TopicRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reservations the checkout saga asks for: no oversell under a race, all or nothing, once per command, released in any order. */
class ReservationsIT extends InventoryTestSupport {

    @Test
    void twoHundredConcurrentReservationsOfFiftyUnitsHoldExactlyFifty() throws Exception {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 50);
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(64)) {
            Future<?> watcher = clients.submit(() -> {
                while (racing.get()) {
                    lowestAvailable.accumulateAndGet(inventory.available(sku), Math::min);
                }
            });
            for (int i = 0; i < 200; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return inventory
                            .reserve(InventoryFixture.reservationId(), Map.of(sku, 1))
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            racing.set(false);
            watcher.get();

            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(50);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(150);
        }
        JsonNode level = inventory.level(sku);
        assertThat(level.get("available").asLong()).isZero();
        assertThat(level.get("reserved").asLong()).isEqualTo(50);
        assertThat(level.get("onHand").asLong()).isEqualTo(50);
        assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void aMultiLineReservationWithOneShortLineChangesNothing() {
        String plenty = InventoryFixture.sku();
        String scarce = InventoryFixture.sku();
        inventory.stock(plenty, 30);
        inventory.stock(scarce, 1);

        Response refused = inventory.reserve(InventoryFixture.reservationId(), java.util.Map.of(plenty, 2, scarce, 2));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("shortLines")).hasSize(1);
        assertThat(refused.json().get("shortLines").get(0).get("sku").asString())
                .isEqualTo(scarce);
        assertThat(refused.json().get("shortLines").get(0).get("available").asLong())
                .isEqualTo(1);
        assertThat(inventory.available(plenty)).isEqualTo(30);
        assertThat(inventory.available(scarce)).isEqualTo(1);
        assertThat(inventory.ledger(plenty)).hasSize(1);
        assertThat(inventory.ledger(scarce)).hasSize(1);
    }

    @Test
    void aDuplicatedCommandHasOneEffectAndTheSameAnswer() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 40);
        String reservation = InventoryFixture.reservationId();
        ReserveStock reserve = new ReserveStock(reservation, "order-7", List.of(new StockLine(sku, 3)), REPLIES);

        command(InventoryMessages.RESERVE_STOCK, reservation, reserve);
        command(InventoryMessages.RESERVE_STOCK, reservation, reserve);
        replies.await(
                event -> event.subject().equals(reservation)
                        && replies.about(reservation).size() == 2,
                DEADLINE);

        assertThat(replies.about(reservation))
                .extracting(TopicRecorder.Event::type)
                .containsExactly(InventoryMessages.STOCK_RESERVED, InventoryMessages.STOCK_RESERVED);
        assertThat(inventory.level(sku).get("reserved").asLong()).isEqualTo(3);

        command(InventoryMessages.CONFIRM_RESERVATION, reservation, new ConfirmReservation(reservation, REPLIES));
        command(InventoryMessages.CONFIRM_RESERVATION, reservation, new ConfirmReservation(reservation, REPLIES));
        replies.await(event -> replies.about(reservation).size() == 4, DEADLINE);

        JsonNode level = inventory.level(sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(37);
        assertThat(level.get("reserved").asLong()).isZero();
        assertThat(replies.about(reservation).subList(2, 4))
                .extracting(TopicRecorder.Event::type)
                .containsOnly(InventoryMessages.RESERVATION_CONFIRMED);
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void releasingAConfirmedReservationPutsTheStockBack() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 25);
        String reservation = InventoryFixture.reservationId();
        assertThat(inventory.reserve(reservation, Map.of(sku, 5)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/admin/reservations/" + reservation + "/confirmation", null)
                        .status())
                .isEqualTo(200);
        assertThat(inventory.level(sku).get("onHand").asLong()).isEqualTo(20);

        Response released = admin.post(
                "/api/v1/admin/reservations/" + reservation + "/release", Map.of("reason", "order cancelled"));

        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(inventory.level(sku).get("onHand").asLong()).isEqualTo(25);
        assertThat(inventory.available(sku)).isEqualTo(25);
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void aReleaseThatOvertakesItsReservationTurnsTheReservationAway() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 25);
        String reservation = InventoryFixture.reservationId();

        command(InventoryMessages.RELEASE_STOCK, reservation, new ReleaseStock(reservation, "saga timed out", REPLIES));
        command(
                InventoryMessages.RESERVE_STOCK,
                reservation,
                new ReserveStock(reservation, "order-8", List.of(new StockLine(sku, 2)), REPLIES));
        replies.await(event -> replies.about(reservation).size() == 2, DEADLINE);

        assertThat(replies.about(reservation))
                .extracting(TopicRecorder.Event::type)
                .containsExactly(InventoryMessages.STOCK_RELEASED, InventoryMessages.STOCK_RESERVATION_FAILED);
        assertThat(inventory.available(sku)).isEqualTo(25);
    }
}
