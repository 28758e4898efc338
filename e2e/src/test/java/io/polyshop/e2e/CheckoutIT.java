package io.polyshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.PostgresDatabase;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicPublisher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Checkout across the whole services, each its own JVM on the real engines, joined only by Kafka:
 * order, inventory, payment, cart and notification (mailing through a real SMTP server). The test
 * plays catalog (it publishes the products), identity (it announces each customer) and the customer. The last tests wear the payment provider's circuit breaker open, so they run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final Map<String, Object> ADDRESS = Map.of(
            "recipient", "Grace Customer",
            "line1", "Hauptstrasse 1",
            "city", "Berlin",
            "postalCode", "10115",
            "country", "DE");

    private static final Map<String, ServiceJar> SERVICES = new LinkedHashMap<>();
    private static Map<String, String> orderEnvironment;
    private static int orderPort;
    private static ApiClient stockKeeper;
    private static ApiClient paymentStaff;
    private static String gadget;
    private static String gizmo;
    private static SmtpEngine smtp;

    private String customer;
    private String email;
    private ApiClient orders;
    private ApiClient cart;
    private ApiClient payments;

    @BeforeAll
    static void startServices() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> shared = new java.util.HashMap<>(TestTokens.environment());
        shared.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestEngines.kafkaBootstrapServers());

        Map<String, String> inventory = new HashMap<>(shared);
        inventory.put("POLYSHOP_DYNAMODB_ENDPOINT", TestEngines.dynamoDbEndpoint());
        inventory.put("POLYSHOP_INVENTORY_TABLE_PREFIX", "e2e" + run + "_");
        inventory.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "inventory-e2e-" + run);

        Map<String, String> cartEnvironment = new HashMap<>(shared);
        cartEnvironment.put("SPRING_DATA_REDIS_URL", TestEngines.redisUri());
        cartEnvironment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "cart-e2e-" + run);

        Map<String, String> payment = new HashMap<>(shared);
        database(payment, "payment_e2e");
        payment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "payment-e2e-" + run);
        // Quick to give up on tok_timeout; two failed calls in a row open the circuit.
        payment.put("POLYSHOP_PAYMENT_PROVIDER_TIMEOUT", "500ms");
        payment.put("POLYSHOP_PAYMENT_PROVIDER_MAX_ATTEMPTS", "2");
        payment.put("POLYSHOP_PAYMENT_PROVIDER_BACKOFF", "50ms");
        payment.put("POLYSHOP_PAYMENT_PROVIDER_MINIMUM_CALLS", "2");
        payment.put("POLYSHOP_PAYMENT_PROVIDER_SLIDING_WINDOW", "2");
        payment.put("POLYSHOP_PAYMENT_PROVIDER_OPEN_DURATION", "1h");

        orderEnvironment = new HashMap<>(shared);
        database(orderEnvironment, "order_e2e");
        orderEnvironment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "order-e2e-" + run);
        List<Integer> ports = LoopbackPorts.free(2);
        orderPort = ports.get(0);

        smtp = SmtpEngine.start(ports.get(1));
        Map<String, String> notification = new HashMap<>(shared);
        notification.put("SPRING_MONGODB_URI", TestEngines.mongoUri("notification_e2e"));
        notification.put("SPRING_MAIL_HOST", LoopbackPorts.HOST);
        notification.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));

        List<CompletableFuture<Void>> starting = List.of(
                start("notification", notification),
                start("inventory", inventory),
                start("cart", cartEnvironment),
                start("payment", payment),
                CompletableFuture.runAsync(() -> SERVICES.put("order", startOrder())));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();

        stockKeeper = new ApiClient(port("inventory")).as(TOKENS.valid("stock-keeper", "ADMIN"));
        paymentStaff = new ApiClient(port("payment")).as(TOKENS.valid("helpdesk", "SUPPORT"));
        gadget = productOnSale("Gadget", "20.00");
        gizmo = productOnSale("Gizmo", "7.50");
    }

    private static void database(Map<String, String> environment, String hint) {
        PostgresDatabase database = TestEngines.freshPostgresDatabase(hint);
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
    }

    private static CompletableFuture<Void> start(String name, Map<String, String> environment) {
        return CompletableFuture.runAsync(() -> {
            ServiceJar service = ServiceJar.start(name, LoopbackPorts.free(), environment);
            synchronized (SERVICES) {
                SERVICES.put(name, service);
            }
        });
    }

    private static ServiceJar startOrder() {
        return ServiceJar.start("order", orderPort, orderEnvironment);
    }

    private static int port(String service) {
        synchronized (SERVICES) {
            return SERVICES.get(service).port();
        }
    }

    @AfterAll
    static void stopServices() {
        synchronized (SERVICES) {
            SERVICES.values().forEach(ServiceJar::close);
        }
        smtp.close();
    }

    /** Publishes a product as catalog does, with stock of 10; returns its SKU once cart and order know its price. */
    private static String productOnSale(String name, String price) {
        UUID productId = UUID.randomUUID();
        String sku = "E2E-" + productId.toString().substring(0, 8).toUpperCase();
        Instant now = Instant.now();
        ProductSnapshot product = new ProductSnapshot(
                productId,
                1,
                sku,
                sku.toLowerCase(),
                name,
                "A product for the checkout test.",
                new ProductSnapshot.Brand("acme", "Acme"),
                new ProductSnapshot.Category("gadgets", "Gadgets", List.of("gadgets")),
                new ProductSnapshot.Price(new BigDecimal(price), "EUR"),
                List.of(),
                Map.of(),
                List.of(),
                now,
                now);
        TopicPublisher.shared()
                .publish(
                        CatalogEvents.TOPIC,
                        CatalogEvents.PRODUCT_PUBLISHED,
                        productId.toString(),
                        new ProductPublished(product));
        Response stocked =
                stockKeeper.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 10, "reason", "e2e delivery"));
        assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
        return sku;
    }

    @BeforeEach
    void customer() {
        UUID id = UUID.randomUUID();
        customer = id.toString();
        email = "customer-" + id + "@e2e.polyshop.test";
        TopicPublisher.shared()
                .publish(
                        IdentityEvents.TOPIC,
                        IdentityEvents.USER_REGISTERED,
                        customer,
                        new UserRegistered(id, email, "Grace Customer", Instant.now()));
        String token = TOKENS.valid(customer, "CUSTOMER");
        orders = new ApiClient(orderPort).as(token);
        cart = new ApiClient(port("cart")).as(token);
        payments = new ApiClient(port("payment")).as(token);
    }

    private void addToCart(String sku, int quantity) {
        await().atMost(DEADLINE).until(() -> {
            Response added = cart.post("/api/v1/customers/me/cart/lines", Map.of("sku", sku, "quantity", quantity));
            return added.status() == 200 || added.status() == 201;
        });
    }

    /** Orders what the cart holds at the prices it shows, with a new Idempotency-Key. */
    private Response checkOutCart(String card) {
        JsonNode view = cart.get("/api/v1/customers/me/cart").json();
        List<Map<String, Object>> lines = view.get("lines")
                .valueStream()
                .map(line -> Map.<String, Object>of(
                        "sku", line.get("sku").asString(),
                        "quantity", line.get("quantity").asInt(),
                        "unitPrice", line.get("unitPriceWhenAdded").decimalValue()))
                .toList();
        Map<String, Object> order = new HashMap<>();
        order.put("fromCart", true);
        order.put("lines", lines);
        order.put("shippingAddress", ADDRESS);
        order.put("paymentMethod", card);
        return orders.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", order);
    }

    /** Places the cart's order once the order service has the prices too. */
    private String placeFromCart(String card) {
        Response[] placed = new Response[1];
        await().atMost(DEADLINE).until(() -> {
            placed[0] = checkOutCart(card);
            return placed[0].status() != 422
                    || !"UNKNOWN_SKU".equals(placed[0].json().get("reason").asString());
        });
        assertThat(placed[0].status()).as(placed[0].toString()).isEqualTo(201);
        return placed[0].json().get("orderId").asString();
    }

    private JsonNode awaitStatus(String orderId, String status) {
        JsonNode[] order = new JsonNode[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            order[0] = orders.get("/api/v1/orders/" + orderId).json();
            return status.equals(order[0].get("status").asString());
        });
        return order[0];
    }

    /** The e-mail the shop sent this customer with {@code subject}, once it arrived; fails if there are two. */
    private SmtpEngine.ReceivedMail mailed(String subject) {
        await().atMost(DEADLINE)
                .until(() -> smtp.received().stream()
                        .anyMatch(mail ->
                                mail.to().contains(email) && mail.subject().equals(subject)));
        return smtp.received().stream()
                .filter(mail -> mail.to().contains(email) && mail.subject().equals(subject))
                .reduce((one, two) -> {
                    throw new AssertionError("two e-mails '" + subject + "' to " + email);
                })
                .orElseThrow();
    }

    private static JsonNode stock(String sku) {
        return stockKeeper.get("/api/v1/admin/stock/" + sku).json();
    }

    private JsonNode payment(String orderId) {
        Response payment = payments.get("/api/v1/payments/" + orderId);
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        return payment.json();
    }

    @Test
    @Order(1)
    void aHappyCheckoutIsConfirmedTakesTheStockCapturesThePaymentAndEmptiesTheCart() {
        long onHandBefore = stock(gadget).get("onHand").asLong();
        addToCart(gadget, 2);
        addToCart(gizmo, 1);

        String orderId = placeFromCart("tok_visa");
        JsonNode confirmed = awaitStatus(orderId, "CONFIRMED");

        assertThat(stock(gadget).get("onHand").asLong()).isEqualTo(onHandBefore - 2);
        assertThat(stock(gadget).get("reserved").asLong()).isZero();
        JsonNode payment = payment(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.get("amount").decimalValue())
                .isEqualByComparingTo(confirmed.get("totals").get("grandTotal").decimalValue());
        assertThat(payment.get("ledger"))
                .extracting(entry -> entry.get("kind").asString())
                .containsExactly("AUTHORIZATION", "CAPTURE");
        await().atMost(DEADLINE)
                .until(() -> cart.get("/api/v1/customers/me/cart")
                        .json()
                        .get("lines")
                        .isEmpty());
        assertThat(mailed("Your order " + orderId + " is confirmed").body())
                .contains(
                        "Grace Customer",
                        confirmed
                                .get("totals")
                                .get("grandTotal")
                                .decimalValue()
                                .setScale(2, RoundingMode.UNNECESSARY)
                                .toPlainString(),
                        gadget);
    }

    @Test
    @Order(2)
    void aRepeatedPostWithTheSameKeyPlacesOneOrder() {
        addToCart(gizmo, 1);
        placeFromCart("tok_visa");
        JsonNode before = orders.get("/api/v1/orders").json();
        String key = "e2e-" + UUID.randomUUID();
        Map<String, Object> order = Map.of(
                "lines",
                List.of(Map.of("sku", gizmo, "quantity", 1)),
                "shippingAddress",
                ADDRESS,
                "paymentMethod",
                "tok_visa");

        Response first = orders.with("Idempotency-Key", key).post("/api/v1/orders", order);
        Response again = orders.with("Idempotency-Key", key).post("/api/v1/orders", order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().get("orderId").asString())
                .isEqualTo(first.json().get("orderId").asString());
        assertThat(orders.get("/api/v1/orders").json().get("orders"))
                .hasSize(before.get("orders").size() + 1);
        awaitStatus(first.json().get("orderId").asString(), "CONFIRMED");
    }

    @Test
    @Order(3)
    void aDeclinedCardRejectsTheOrderRestoresTheStockAndCapturesNothing() {
        long availableBefore = stock(gadget).get("available").asLong();
        addToCart(gadget, 1);

        String orderId = placeFromCart("tok_declined");
        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("history").get(1).get("reason").asString()).contains("declined");
        await().atMost(DEADLINE).until(() -> stock(gadget).get("available").asLong() == availableBefore);
        assertThat(payment(orderId).get("status").asString()).isEqualTo("DECLINED");
        assertThat(payment(orderId).get("ledger")).isEmpty();
        assertThat(cart.get("/api/v1/customers/me/cart").json().get("lines"))
                .as("a rejected checkout leaves the cart alone")
                .hasSize(1);
        assertThat(mailed("We could not accept your order " + orderId).body()).contains("declined");
    }

    @Test
    @Order(4)
    void theOrderServiceKilledMidSagaFinishesTheCheckoutAfterARestart() {
        addToCart(gizmo, 1);
        String orderId = placeFromCart("tok_visa");

        ServiceJar order;
        synchronized (SERVICES) {
            order = SERVICES.get("order");
        }
        order.kill();
        ServiceJar restarted = startOrder();
        synchronized (SERVICES) {
            SERVICES.put("order", restarted);
        }

        awaitStatus(orderId, "CONFIRMED");
        assertThat(payment(orderId).get("status").asString()).isEqualTo("CAPTURED");
    }

    @Test
    @Order(5)
    void aProviderThatNeverAnswersRejectsAfterCompensationAndChargesNothing() {
        long availableBefore = stock(gadget).get("available").asLong();
        addToCart(gadget, 1);

        String orderId = placeFromCart("tok_timeout");
        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("history").get(1).get("reason").asString()).contains("not charged");
        assertThat(payment(orderId).get("declineCode").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(payment(orderId).get("ledger")).isEmpty();
        await().atMost(DEADLINE).until(() -> stock(gadget).get("available").asLong() == availableBefore);
    }

    @Test
    @Order(6)
    void withTheProvidersCircuitOpenAnOrderIsRejectedWithoutCallingIt() {
        long availableBefore = stock(gizmo).get("available").asLong();
        addToCart(gizmo, 1);

        String orderId = placeFromCart("tok_visa");
        awaitStatus(orderId, "REJECTED");

        JsonNode staffView = paymentStaff.get("/api/v1/payments/" + orderId).json();
        assertThat(staffView.get("declineCode").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(staffView.get("history").get(1).get("reason").asString()).contains("paused");
        assertThat(staffView.get("ledger")).isEmpty();
        await().atMost(DEADLINE).until(() -> stock(gizmo).get("available").asLong() == availableBefore);
    }
}
