package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReservationConfirmed;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.inventory.api.StockReservationFailed;
import io.polyshop.inventory.api.StockReserved;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.payment.api.PaymentAuthorized;
import io.polyshop.payment.api.PaymentCaptured;
import io.polyshop.payment.api.PaymentDeclined;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.messaging.DeadLetters;
import io.polyshop.platform.messaging.OperatorActions;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The order service and its saga on real PostgreSQL and Kafka, with the participants played by the test. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "polyshop.order.saga.reserve-stock=4s",
            "polyshop.order.saga.authorize-payment=4s",
            "polyshop.order.saga.confirm-stock=4s",
            "polyshop.order.saga.capture-payment=4s",
            "polyshop.order.saga.compensation=3s",
            "polyshop.order.saga.compensation-attempts=3",
            "polyshop.order.saga.sweep=200ms"
        })
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class OrderIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final Duration DEADLINE = CheckoutParticipants.DEADLINE;

    private static CheckoutParticipants participants;
    private static String gadget;
    private static String gizmo;
    private static String yenItem;
    private static String yacht;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadLetters deadLetters;

    private String customer;
    private ApiClient shopper;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "orders");
        SpringEngineProperties.kafka(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "order-it-" + UUID.randomUUID());
        TestTokens.register(registry);
    }

    @BeforeAll
    static void catalog() {
        participants = new CheckoutParticipants();
        gadget = CheckoutParticipants.productOnSale("Gadget", "20.00", "EUR", 1, UUID.randomUUID());
        gizmo = CheckoutParticipants.productOnSale("Gizmo", "7.50", "EUR", 1, UUID.randomUUID());
        yenItem = CheckoutParticipants.productOnSale("Tea set", "3000", "JPY", 1, UUID.randomUUID());
        yacht = CheckoutParticipants.productOnSale("Yacht", "600000000.00", "EUR", 1, UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        participants.close();
    }

    @BeforeEach
    void shopper() {
        customer = "customer-" + UUID.randomUUID();
        shopper = new ApiClient(port).as(TOKENS.valid(customer, "CUSTOMER"));
        await().atMost(DEADLINE)
                .until(() -> jdbc.sql("select count(*) from product_price where sku in (:skus)")
                                .param("skus", List.of(gadget, gizmo, yenItem, yacht))
                                .query(Long.class)
                                .single()
                        == 4L);
    }

    private static Map<String, Object> address(String country) {
        Map<String, Object> address = new HashMap<>();
        address.put("recipient", "Grace Customer");
        address.put("line1", "Hauptstrasse 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", country);
        return address;
    }

    private static Map<String, Object> order(List<Map<String, Object>> lines, String card) {
        Map<String, Object> order = new HashMap<>();
        order.put("fromCart", true);
        order.put("lines", lines);
        order.put("shippingAddress", address("DE"));
        order.put("paymentMethod", card);
        return order;
    }

    private static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        if (unitPrice != null) {
            line.put("unitPrice", new BigDecimal(unitPrice));
        }
        return line;
    }

    private Response place(Map<String, Object> order) {
        return shopper.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", order);
    }

    private String placed(Map<String, Object> order) {
        Response placed = place(order);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    private JsonNode awaitStatus(String orderId, String status) {
        await().atMost(DEADLINE)
                .until(
                        () -> shopper.get("/api/v1/orders/" + orderId)
                                .json()
                                .get("status")
                                .asString(),
                        status::equals);
        return shopper.get("/api/v1/orders/" + orderId).json();
    }

    private void reserve(String orderId) {
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);
        participants.reply(
                orderId,
                InventoryMessages.STOCK_RESERVED,
                new StockReserved(
                        orderId,
                        orderId,
                        List.of(new StockLine(gadget, 1)),
                        Instant.now().plusSeconds(900)));
    }

    private void authorize(String orderId, BigDecimal amount) {
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        participants.reply(
                orderId, PaymentMessages.PAYMENT_AUTHORIZED, new PaymentAuthorized(orderId, orderId, amount, "EUR"));
    }

    private void confirmAndCapture(String orderId, BigDecimal amount) {
        participants.awaitCommand(orderId, InventoryMessages.CONFIRM_RESERVATION, 1);
        participants.reply(
                orderId,
                InventoryMessages.RESERVATION_CONFIRMED,
                new ReservationConfirmed(orderId, orderId, List.of()));
        participants.awaitCommand(orderId, PaymentMessages.CAPTURE_PAYMENT, 1);
        participants.reply(
                orderId, PaymentMessages.PAYMENT_CAPTURED, new PaymentCaptured(orderId, orderId, amount, "EUR"));
    }

    private String confirmedOrder() {
        String orderId = placed(order(List.of(line(gadget, 1, "20.00")), "tok_visa"));
        answerEveryStepUntilConfirmed(orderId);
        return orderId;
    }

    /** Plays every participant's success for an order of one gadget (29.58 in all), and waits for CONFIRMED. */
    private void answerEveryStepUntilConfirmed(String orderId) {
        BigDecimal total = new BigDecimal("29.58");
        reserve(orderId);
        authorize(orderId, total);
        confirmAndCapture(orderId, total);
        awaitStatus(orderId, "CONFIRMED");
    }

    @Test
    void placesAnOrderWhoseSagaWalksEveryStepAndEndsConfirmed() {
        String orderId = placed(order(List.of(line(gadget, 2, "20.00"), line(gizmo, 1, null)), "tok_visa"));
        JsonNode pending = shopper.get("/api/v1/orders/" + orderId).json();

        TopicRecorder.Event reserve = participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);
        reserve(orderId);
        TopicRecorder.Event authorize = participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        authorize(orderId, new BigDecimal("56.53"));
        confirmAndCapture(orderId, new BigDecimal("56.53"));
        JsonNode confirmed = awaitStatus(orderId, "CONFIRMED");

        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        // 2 x 20.00 + 7.50 = 47.50, under 50.00: shipping 4.90; 19% German tax on 52.40 = 9.96 (rounded half up).
        JsonNode totals = confirmed.get("totals");
        assertThat(totals.get("subtotal").decimalValue()).isEqualByComparingTo("47.50");
        assertThat(totals.get("shipping").decimalValue()).isEqualByComparingTo("4.90");
        assertThat(totals.get("tax").decimalValue()).isEqualByComparingTo("9.96");
        assertThat(totals.get("grandTotal").decimalValue()).isEqualByComparingTo("62.36");
        assertThat(reserve.data().get("lines")).hasSize(2);
        assertThat(authorize.data().get("amount").decimalValue()).isEqualByComparingTo("62.36");
        assertThat(authorize.data().get("paymentMethod").asString()).isEqualTo("tok_visa");
        assertThat(confirmed.get("history"))
                .extracting(entry -> entry.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED");
        assertThat(confirmed.get("saga").get("phase").asString()).isEqualTo("DONE");
        assertThat(confirmed.get("saga").get("log")).hasSize(8);
        TopicRecorder.Event placedNews = participants.awaitNews(orderId, OrderEvents.ORDER_PLACED);
        participants.awaitNews(orderId, OrderEvents.ORDER_CONFIRMED);
        assertThat(placedNews.data().get("fromCart").asBoolean()).isTrue();
        assertThat(placedNews.data().get("customerId").asString()).isEqualTo(customer);
        assertThat(jdbc.sql("select payment_method from customer_order where order_id = cast(:id as uuid)")
                        .param("id", orderId)
                        .query(String.class)
                        .optional())
                .as("the card token is dropped once the payment was asked for")
                .isEmpty();
    }

    @Test
    void aRepeatedPostWithTheSameKeyPlacesOneOrderAndTheKeyCannotBeReusedForAnother() {
        Map<String, Object> order = order(List.of(line(gadget, 1, null)), "tok_visa");
        ApiClient keyed = shopper.with("Idempotency-Key", "checkout-" + UUID.randomUUID());

        Response first = keyed.post("/api/v1/orders", order);
        Response repeat = keyed.post("/api/v1/orders", order);
        Response reused = keyed.post("/api/v1/orders", order(List.of(line(gizmo, 1, null)), "tok_visa"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json().get("orderId").asString())
                .isEqualTo(first.json().get("orderId").asString());
        assertThat(repeat.headers()).containsKey("idempotent-replayed");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(ordersOf(customer)).isEqualTo(1L);
    }

    private long ordersOf(String customerId) {
        return jdbc.sql("select count(*) from customer_order where customer_id = :customer")
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndRejectsWithTheCustomersReason() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_declined"));
        reserve(orderId);
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        participants.reply(
                orderId,
                PaymentMessages.PAYMENT_DECLINED,
                new PaymentDeclined(orderId, orderId, "DECLINED", "The card was declined. Please use another card."));

        TopicRecorder.Event release = participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 1);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "declined", List.of()));
        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(release.data().get("reason").asString()).contains("declined");
        assertThat(rejected.get("history").get(1).get("reason").asString())
                .isEqualTo("The card was declined. Please use another card.");
        assertThat(participants.commandsOf(orderId, PaymentMessages.VOID_PAYMENT))
                .isEmpty();
        participants.awaitNews(orderId, OrderEvents.ORDER_REJECTED);
        assertThat(participants.news(orderId))
                .extracting(TopicRecorder.Event::type)
                .doesNotContain(OrderEvents.ORDER_PLACED);
    }

    @Test
    void missingStockRejectsAtOnceNamingTheShortItem() {
        String orderId = placed(order(List.of(line(gadget, 5, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);
        participants.reply(
                orderId,
                InventoryMessages.STOCK_RESERVATION_FAILED,
                new StockReservationFailed(
                        orderId, orderId, "short", List.of(new StockReservationFailed.ShortLine(gadget, 5, 2))));

        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("history").get(1).get("reason").asString()).contains(gadget + " (5 wanted, 2 left)");
        assertThat(participants.allCommands(orderId)).hasSize(1);
    }

    @Test
    void aStepWithoutAnswerTimesOutAndItsCompensationIsRepeatedUntilAnswered() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);

        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 1);
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 2);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "timed out", List.of()));
        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("history").get(1).get("reason").asString()).contains("took too long");
        assertThat(participants.commandsOf(orderId, PaymentMessages.AUTHORIZE_PAYMENT))
                .isEmpty();
    }

    @Test
    void aCompensationUnansweredEveryTimeLeavesTheOrderToAnOperatorWhoSendsItAgain() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 3);
        ApiClient operator = new ApiClient(port).as(TOKENS.valid("operator", "ADMIN"));

        await().atMost(DEADLINE)
                .until(() -> operator.get("/api/v1/admin/orders/needing-attention")
                        .json()
                        .valueStream()
                        .anyMatch(order -> order.get("orderId").asString().equals(orderId)));
        JsonNode stuck = shopper.get("/api/v1/orders/" + orderId).json();
        assertThat(stuck.get("saga").get("phase").asString()).isEqualTo("NEEDS_ATTENTION");
        assertThat(stuck.get("status").asString()).isEqualTo("PENDING");
        assertThat(new ApiClient(managementPort).get("/actuator/prometheus").body())
                .containsPattern("polyshop_order_sagas_needing_attention\\S* [1-9]");
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .as("no more attempts once it needs attention")
                .hasSize(3);
        assertThat(shopper.post("/api/v1/admin/orders/" + orderId + "/compensation", null)
                        .status())
                .isEqualTo(403);

        Response resumed;
        try (TopicRecorder announced = TopicRecorder.start(OperatorActions.TOPIC)) {
            resumed = operator.post("/api/v1/admin/orders/" + orderId + "/compensation", null);
            TopicRecorder.Event action = announced.await(event -> orderId.equals(event.subject()), DEADLINE);
            assertThat(action.data().get("action").asString()).isEqualTo("saga compensation sent again");
            assertThat(action.data().get("actor").asString()).isEqualTo("operator");
        }
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 4);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "timed out", List.of()));

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("saga").get("phase").asString()).isEqualTo("COMPENSATING");
        awaitStatus(orderId, "REJECTED");
        assertThat(operator.post("/api/v1/admin/orders/" + orderId + "/compensation", null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void keepsDeadLetterReplayForAdminsOnTheManagementPortAndAnnouncesEachReplay() {
        String deadLetters = this.deadLetters.deadLetterTopicOf("operator-plane-" + UUID.randomUUID());
        String path = "/actuator/deadletters/" + deadLetters;
        ApiClient operatorPlane = new ApiClient(managementPort);
        String admin = TOKENS.valid("operator-" + UUID.randomUUID(), "ADMIN");

        assertThat(operatorPlane.post(path, null).status()).isEqualTo(401);
        assertThat(operatorPlane
                        .as(TOKENS.valid(customer, "CUSTOMER"))
                        .post(path, null)
                        .status())
                .isEqualTo(403);
        assertThat(operatorPlane
                        .as(TOKENS.valid("support", "SUPPORT"))
                        .post(path, null)
                        .status())
                .isEqualTo(403);
        assertThat(new ApiClient(port).as(admin).post(path, null).status())
                .as("not on the service port")
                .isEqualTo(404);
        assertThat(operatorPlane
                        .as(admin)
                        .post("/actuator/deadletters/order.events", null)
                        .status())
                .isEqualTo(400);

        try (TopicRecorder announced = TopicRecorder.start(OperatorActions.TOPIC)) {
            Response replayed = operatorPlane.as(admin).post(path, null);

            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
            TopicRecorder.Event action = announced.await(
                    event -> deadLetters.equals(event.subject())
                            && event.data().get("actor").asString().startsWith("operator-"),
                    DEADLINE);
            assertThat(action.type()).isEqualTo("polyshop.order.operator-action-taken.v1");
            assertThat(action.data().get("action").asString()).isEqualTo("dead letters replayed");
            assertThat(action.data().get("at").asString()).isNotBlank();
        }
    }

    @Test
    void aSagaThatCannotBeHandledIsPutOffWithoutHoldingUpTheOthers() {
        String broken = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        String waiting = placed(order(List.of(line(gizmo, 1, null)), "tok_visa"));
        participants.awaitCommand(broken, InventoryMessages.RESERVE_STOCK, 1);
        // A row this version cannot read, first in line for the timer.
        jdbc.sql("""
                        update customer_order set saga_compensations = '["TELEPORT_STOCK"]'::jsonb,
                               saga_deadline = now() - interval '1 hour'
                         where order_id = cast(:id as uuid)
                        """).param("id", broken).update();
        try {
            participants.awaitCommand(waiting, InventoryMessages.RESERVE_STOCK, 1);

            participants.awaitCommand(waiting, InventoryMessages.RELEASE_STOCK, 1);
            assertThat(jdbc.sql("select saga_deadline > now() from customer_order where order_id = cast(:id as uuid)")
                            .param("id", broken)
                            .query(Boolean.class)
                            .single())
                    .as("the saga that failed is put off")
                    .isTrue();
        } finally {
            jdbc.sql("""
                            update customer_order set saga_compensations = '[]'::jsonb, saga_phase = 'DONE',
                                   saga_command = null, saga_wait_ms = null, saga_deadline = null
                             where order_id = cast(:id as uuid)
                            """).param("id", broken).update();
        }
    }

    @Test
    void aCommandHeldUpByAKafkaOutageGetsItsWholeTimeOnceItIsPublished() {
        KafkaEngine kafka = TestEngines.embeddedKafka();
        String orderId;
        kafka.close();
        try {
            orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
            Duration longerThanTheStepMayTake = Duration.ofSeconds(6);
            String placedOrder = orderId;
            await().during(longerThanTheStepMayTake)
                    .atMost(longerThanTheStepMayTake.plusSeconds(5))
                    .until(() -> shopper.get("/api/v1/orders/" + placedOrder)
                            .json()
                            .get("saga")
                            .get("phase")
                            .asString()
                            .equals("RUNNING"));
        } finally {
            kafka.start();
        }

        answerEveryStepUntilConfirmed(orderId);
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .isEmpty();
    }

    @Test
    void timeInWhichNoSagaTimerRanDoesNotCountAgainstAStep() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);

        // As after every instance was down for a minute: the last sweep long ago, the step nearly due.
        jdbc.sql("""
                        with away as (update saga_timer set swept_at = now() - interval '60 seconds')
                        update customer_order set saga_deadline = now() + interval '1500 milliseconds'
                         where order_id = cast(:id as uuid)
                        """).param("id", orderId).update();

        await().atMost(DEADLINE)
                .until(() ->
                        jdbc.sql("""
                                select saga_deadline > now() + interval '30 seconds'
                                  from customer_order where order_id = cast(:id as uuid)
                                """).param("id", orderId).query(Boolean.class).single());
        answerEveryStepUntilConfirmed(orderId);
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .isEmpty();
    }

    @Test
    void aReplyDeliveredTwiceMovesTheSagaOnce() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        reserve(orderId);
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        participants.reply(
                orderId,
                InventoryMessages.STOCK_RESERVED,
                new StockReserved(orderId, orderId, List.of(), Instant.now().plusSeconds(900)));
        authorize(orderId, new BigDecimal("29.58"));
        participants.awaitCommand(orderId, InventoryMessages.CONFIRM_RESERVATION, 1);

        assertThat(participants.commandsOf(orderId, PaymentMessages.AUTHORIZE_PAYMENT))
                .hasSize(1);
        assertThat(participants.commandsOf(orderId, InventoryMessages.CONFIRM_RESERVATION))
                .hasSize(1);
    }

    @Test
    void cancellingAConfirmedOrderRefundsAndReleasesThenItIsCancelled() {
        String orderId = confirmedOrder();

        Response cancelling = shopper.post("/api/v1/orders/" + orderId + "/cancellation", null);
        participants.awaitCommand(orderId, PaymentMessages.VOID_PAYMENT, 1);
        participants.reply(
                orderId,
                PaymentMessages.PAYMENT_REFUNDED,
                new PaymentRefunded(orderId, orderId, customer, new BigDecimal("29.58"), "EUR", "cancelled"));
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 1);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "cancelled", List.of()));
        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");

        assertThat(cancelling.status()).as(cancelling.toString()).isEqualTo(202);
        assertThat(cancelling.json().get("status").asString()).isEqualTo("CANCELLING");
        assertThat(cancelled.get("history"))
                .extracting(entry -> entry.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED", "CANCELLING", "CANCELLED");
        participants.awaitNews(orderId, OrderEvents.ORDER_CANCELLED);
    }

    @Test
    void aShippedOrderOrSomeoneElsesOrderCannotBeCancelled() {
        String orderId = confirmedOrder();
        ApiClient stranger = new ApiClient(port).as(TOKENS.valid("stranger", "CUSTOMER"));

        Response foreign = stranger.post("/api/v1/orders/" + orderId + "/cancellation", null);
        Response shippedByCustomer = shopper.post("/api/v1/admin/orders/" + orderId + "/shipment", null);
        Response shipped = new ApiClient(port)
                .as(TOKENS.valid("warehouse", "ADMIN"))
                .post("/api/v1/admin/orders/" + orderId + "/shipment", null);
        Response tooLate = shopper.post("/api/v1/orders/" + orderId + "/cancellation", null);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(shippedByCustomer.status()).isEqualTo(403);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asString()).contains("shipped");
        assertThat(shopper.get("/api/v1/orders/" + orderId).json().get("status").asString())
                .isEqualTo("SHIPPED");
        assertThat(participants.commandsOf(orderId, PaymentMessages.VOID_PAYMENT))
                .isEmpty();
    }

    @Test
    void stalePricesAreRefusedWithTheCurrentOnesAndNothingIsStored() {
        Response stale = place(order(List.of(line(gadget, 1, "18.00"), line(gizmo, 1, "7.50")), "tok_visa"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentPrices"))
                .extracting(price -> price.get("sku").asString() + "="
                        + price.get("unitPrice").decimalValue().setScale(2).toPlainString())
                .containsExactlyInAnyOrder(gadget + "=20.00", gizmo + "=7.50");
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void badOrdersAreRefusedWithProblemDetailsAndNothingIsStored() {
        Map<String, Object> unknownAddressField = order(List.of(line(gadget, 1, null)), "tok_visa");
        Map<String, Object> address = address("DE");
        address.put("floor", "3");
        unknownAddressField.put("shippingAddress", address);
        Map<String, Object> nowhere = order(List.of(line(gadget, 1, null)), "tok_visa");
        nowhere.put("shippingAddress", address("ZZ"));
        Map<String, Object> wrongTotal = order(List.of(line(gadget, 1, null)), "tok_visa");
        wrongTotal.put("expectedTotal", Map.of("amount", new BigDecimal("20.00"), "currency", "EUR"));

        Response empty = place(order(List.of(), "tok_visa"));
        Response unknownField = place(unknownAddressField);
        Response yen = place(order(List.of(line(yenItem, 1, null)), "tok_visa"));
        Response mismatch = place(wrongTotal);
        Response unknownSku = place(order(List.of(line("NO-SUCH-SKU", 1, null)), "tok_visa"));
        Response notShipped = place(nowhere);
        Response zero = place(order(List.of(line(gadget, 0, null)), "tok_visa"));
        Response noCard = place(order(List.of(line(gadget, 1, null)), "4111111111111111"));
        Response noKey = shopper.post("/api/v1/orders", order(List.of(line(gadget, 1, null)), "tok_visa"));

        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("reason").asString()).isEqualTo("EMPTY_ORDER");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(yen.status()).isEqualTo(422);
        assertThat(yen.json().get("reason").asString()).isEqualTo("UNSUPPORTED_CURRENCY");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("reason").asString()).isEqualTo("TOTAL_MISMATCH");
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.json().get("reason").asString()).isEqualTo("UNKNOWN_SKU");
        assertThat(notShipped.status()).isEqualTo(422);
        assertThat(notShipped.json().get("reason").asString()).isEqualTo("NOT_SHIPPED_TO");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(noCard.status()).isEqualTo(400);
        assertThat(noCard.body()).doesNotContain("4111111111111111");
        assertThat(noKey.status()).isEqualTo(400);
        for (Response refused : List.of(empty, unknownField, yen, mismatch, unknownSku, notShipped, zero, noKey)) {
            assertThat(refused.headers().get("content-type").getFirst()).startsWith("application/problem+json");
        }
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void refusesWhatALaterServiceWouldRefuseWith400NamingTheLimit() {
        List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= CommerceRules.MAX_LINES; i++) {
            tooMany.add(line(gadget, 1, null));
        }

        Response lines = place(order(tooMany, "tok_visa"));
        Response lowerCaseSku =
                place(order(List.of(line("sku-" + gadget.substring(4).toLowerCase(), 1, null)), "tok_visa"));
        Response dottedSku = place(order(List.of(line("SKU.1", 1, null)), "tok_visa"));
        Response quantity = place(order(List.of(line(gadget, CommerceRules.MAX_QUANTITY + 1, null)), "tok_visa"));
        Response total = place(order(List.of(line(yacht, 2, null)), "tok_visa"));

        assertThat(lines.status()).as(lines.toString()).isEqualTo(400);
        assertThat(lines.body()).contains("at most 40 lines");
        assertThat(lowerCaseSku.status()).as(lowerCaseSku.toString()).isEqualTo(400);
        assertThat(lowerCaseSku.body()).contains(CommerceRules.SKU_RULE);
        assertThat(dottedSku.status()).isEqualTo(400);
        assertThat(quantity.status()).isEqualTo(400);
        assertThat(quantity.body()).contains("between 1 and 999");
        assertThat(total.status()).as(total.toString()).isEqualTo(400);
        assertThat(total.body()).contains("below 1000000000");
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void customersSeeOnlyTheirOwnOrdersPageByPage() {
        String first = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        String second = placed(order(List.of(line(gizmo, 1, null)), "tok_visa"));
        ApiClient stranger = new ApiClient(port).as(TOKENS.valid("stranger-" + UUID.randomUUID(), "CUSTOMER"));

        JsonNode pageOne = shopper.get("/api/v1/orders?size=1").json();
        JsonNode pageTwo = shopper.get("/api/v1/orders?size=1&page=1").json();

        assertThat(pageOne.get("orders").get(0).get("orderId").asString()).isEqualTo(second);
        assertThat(pageOne.get("more").asBoolean()).isTrue();
        assertThat(pageTwo.get("orders").get(0).get("orderId").asString()).isEqualTo(first);
        assertThat(pageTwo.get("more").asBoolean()).isFalse();
        assertThat(stranger.get("/api/v1/orders").json().get("orders")).isEmpty();
        assertThat(stranger.get("/api/v1/orders/" + first).status()).isEqualTo(404);
        assertThat(new ApiClient(port)
                        .as(TOKENS.valid("helper", "SUPPORT"))
                        .get("/api/v1/orders/" + first)
                        .status())
                .isEqualTo(200);
        assertThat(new ApiClient(port).get("/api/v1/orders/" + first).status()).isEqualTo(401);
        assertThat(stranger.post("/api/v1/orders/" + first + "/cancellation", null)
                        .status())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .as(TOKENS.valid("helper", "SUPPORT"))
                        .post("/api/v1/orders/" + first + "/cancellation", null)
                        .status())
                .as("support reads, never cancels")
                .isEqualTo(403);
        assertThat(shopper.get("/api/v1/orders/" + first).json().get("status").asString())
                .isNotEqualTo("CANCELLED");
        assertThat(shopper.get("/api/v1/orders?size=1000").status()).isEqualTo(400);
        assertThat(shopper.get("/api/v1/orders/not-a-uuid").status()).isEqualTo(400);
        assertThat(shopper.get("/api/v1/orders/" + first).body()).doesNotContain("tok_visa");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theCardTokenNeverReachesTheLogs(CapturedOutput output) {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        reserve(orderId);
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);

        assertThat(output.getAll()).doesNotContain("tok_visa");
    }
}
