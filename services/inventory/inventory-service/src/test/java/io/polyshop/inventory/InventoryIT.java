package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.ConfirmReservation;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReleaseStock;
import io.polyshop.inventory.api.ReserveStock;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.inventory.application.LowStockWatch;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class InventoryIT {

    private static final String REPLIES = "inventory-it.replies";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @AutoClose
    private static final TopicRecorder replies = TopicRecorder.start(REPLIES);

    @AutoClose
    private static final TopicRecorder events = TopicRecorder.start(InventoryMessages.EVENTS);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @Autowired
    LowStockWatch lowStock;

    private InventoryFixture inventory;
    private ApiClient admin;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        InventoryFixture.engines(registry);
        registry.add("polyshop.inventory.low-stock-threshold", () -> "10");
    }

    @BeforeEach
    void clients() {
        inventory = new InventoryFixture(port);
        admin = inventory.admin();
    }

    @Test
    void recordsEveryStockChangeWithItsReasonInTheLedger() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 20);
        Response removed = admin.post(
                "/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", -5, "reason", "damaged in transit"));
        Response added =
                admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 3, "reason", "returns"));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(added.json().get("onHand").asLong()).isEqualTo(18);
        assertThat(added.json().get("available").asLong()).isEqualTo(18);
        List<JsonNode> ledger = inventory.ledger(sku);
        assertThat(ledger)
                .extracting(entry -> entry.get("reason").asString())
                .containsExactly("returns", "damaged in transit", "initial count");
        assertThat(ledger)
                .allSatisfy(
                        entry -> assertThat(entry.get("reference").asString()).isEqualTo("stock-keeper"));
        inventory.assertLedgerMatches(sku);
    }

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

    @Test
    void reportsLowStockOnceEachTimeItFallsUnderTheThreshold() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 12);
        // The watch runs on a timer; each step looks at once so the steps stay apart.
        lowStock.lookAtNoted();

        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 3));
        lowStock.lookAtNoted();
        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 1));
        lowStock.lookAtNoted();
        admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 20, "reason", "delivery"));
        lowStock.lookAtNoted();
        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 25));
        lowStock.lookAtNoted();
        events.await(event -> events.about(sku).size() == 2, DEADLINE);

        assertThat(events.about(sku))
                .extracting(event -> event.data().get("available").asLong())
                .containsExactly(9L, 3L);
    }

    @Test
    void refusesBadInputWithoutChangingStock() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 10);
        String reservation = InventoryFixture.reservationId();
        assertThat(inventory.reserve(reservation, Map.of(sku, 2)).status()).isEqualTo(201);

        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 0)), 400, "quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, -3)), 400, "quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 10_001)), 400, "quantity");
        assertRejected(
                admin.send(
                        "POST",
                        "/api/v1/admin/reservations",
                        "{\"reservationId\":\"r-huge\",\"lines\":[{\"sku\":\"" + sku
                                + "\",\"quantity\":99999999999999}]}",
                        "application/json"),
                400,
                "lines[0].quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of("not a sku", 1)), 400, "sku");
        assertRejected(inventory.reserve("../etc/passwd", Map.of(sku, 1)), 400, "reservationId");
        assertRejected(inventory.reserve(reservation, Map.of(sku, 3)), 422, "reservationId");
        assertRejected(
                admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", -9, "reason", "recount")),
                409,
                null);
        assertRejected(admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 5)), 400, "reason");
        assertRejected(admin.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 1, "reason", "recount")), 409, null);
        assertRejected(admin.get("/api/v1/admin/stock/lower-case-sku"), 400, "sku");
        assertRejected(admin.get("/api/v1/admin/reservations/r-unknown"), 404, null);

        JsonNode level = inventory.level(sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(10);
        assertThat(level.get("reserved").asLong()).isEqualTo(2);
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void onlyAdminsReachStockAndReservationsOverHttp() {
        String sku = InventoryFixture.sku();
        ApiClient anonymous = new ApiClient(port);
        ApiClient customer = anonymous.as(InventoryFixture.TOKENS.valid("shopper-9", "CUSTOMER"));
        Map<String, Object> reserve =
                Map.of("reservationId", "r-1", "lines", List.of(Map.of("sku", sku, "quantity", 1)));

        assertThat(anonymous.get("/api/v1/admin/stock/" + sku).status()).isEqualTo(401);
        assertThat(customer.get("/api/v1/admin/stock/" + sku).status()).isEqualTo(403);
        assertThat(customer.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 5, "reason", "mine"))
                        .status())
                .isEqualTo(403);
        assertThat(customer.put("/api/v1/admin/stock/" + sku, Map.of("onHand", -5))
                        .status())
                .as("refused before the body is validated")
                .isEqualTo(403);
        ApiClient support = anonymous.as(InventoryFixture.TOKENS.valid("helper-9", "SUPPORT"));
        assertThat(support.get("/api/v1/admin/stock/" + sku).status()).isNotEqualTo(403);
        assertThat(support.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 5, "reason", "mine"))
                        .status())
                .isEqualTo(403);
        assertThat(support.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 5, "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.post("/api/v1/admin/reservations", reserve).status())
                .isEqualTo(401);
        assertThat(customer.post("/api/v1/admin/reservations", reserve).status())
                .isEqualTo(403);
        assertThat(customer.post("/api/v1/admin/reservations/r-1/release", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(inventory.level(sku).get("onHand").asLong()).isZero();
    }

    private void command(String type, String key, Object payload) {
        InventoryFixture.command(polyshopEventTemplate, envelopes, type, key, payload);
    }

    private static void assertRejected(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").toString()).contains("\"" + field + "\"");
        }
    }
}
