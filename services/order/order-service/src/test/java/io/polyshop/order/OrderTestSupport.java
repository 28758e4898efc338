package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReservationConfirmed;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.inventory.api.StockReserved;
import io.polyshop.payment.api.PaymentAuthorized;
import io.polyshop.payment.api.PaymentCaptured;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.messaging.DeadLetters;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
abstract class OrderTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();
    static final Duration DEADLINE = CheckoutParticipants.DEADLINE;

    static CheckoutParticipants participants;
    static String gadget;
    static String gizmo;
    static String yenItem;
    static String yacht;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadLetters deadLetters;

    String customer;
    ApiClient shopper;

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

    static Map<String, Object> address(String country) {
        Map<String, Object> address = new HashMap<>();
        address.put("recipient", "Grace Customer");
        address.put("line1", "Hauptstrasse 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", country);
        return address;
    }

    static Map<String, Object> order(List<Map<String, Object>> lines, String card) {
        Map<String, Object> order = new HashMap<>();
        order.put("fromCart", true);
        order.put("lines", lines);
        order.put("shippingAddress", address("DE"));
        order.put("paymentMethod", card);
        return order;
    }

    static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        if (unitPrice != null) {
            line.put("unitPrice", new BigDecimal(unitPrice));
        }
        return line;
    }

    Response place(Map<String, Object> order) {
        return shopper.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", order);
    }

    String placed(Map<String, Object> order) {
        Response placed = place(order);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    JsonNode awaitStatus(String orderId, String status) {
        await().atMost(DEADLINE)
                .until(
                        () -> shopper.get("/api/v1/orders/" + orderId)
                                .json()
                                .get("status")
                                .asString(),
                        status::equals);
        return shopper.get("/api/v1/orders/" + orderId).json();
    }

    void reserve(String orderId) {
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

    void authorize(String orderId, BigDecimal amount) {
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        participants.reply(
                orderId, PaymentMessages.PAYMENT_AUTHORIZED, new PaymentAuthorized(orderId, orderId, amount, "EUR"));
    }

    void confirmAndCapture(String orderId, BigDecimal amount) {
        participants.awaitCommand(orderId, InventoryMessages.CONFIRM_RESERVATION, 1);
        participants.reply(
                orderId,
                InventoryMessages.RESERVATION_CONFIRMED,
                new ReservationConfirmed(orderId, orderId, List.of()));
        participants.awaitCommand(orderId, PaymentMessages.CAPTURE_PAYMENT, 1);
        participants.reply(
                orderId, PaymentMessages.PAYMENT_CAPTURED, new PaymentCaptured(orderId, orderId, amount, "EUR"));
    }

    String confirmedOrder() {
        String orderId = placed(order(List.of(line(gadget, 1, "20.00")), "tok_visa"));
        answerEveryStepUntilConfirmed(orderId);
        return orderId;
    }

    /** Plays every participant's success for an order of one gadget (29.58 in all), and waits for CONFIRMED. */
    void answerEveryStepUntilConfirmed(String orderId) {
        BigDecimal total = new BigDecimal("29.58");
        reserve(orderId);
        authorize(orderId, total);
        confirmAndCapture(orderId, total);
        awaitStatus(orderId, "CONFIRMED");
    }

    long ordersOf(String customerId) {
        return jdbc.sql("select count(*) from customer_order where customer_id = :customer")
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }
}
