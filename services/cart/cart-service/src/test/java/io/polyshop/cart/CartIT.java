package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class CartIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> polyshopEventTemplate;

    @Autowired
    EventEnvelopes envelopes;

    @Autowired
    StringRedisTemplate redis;

    private CartFixture catalog;
    private ApiClient anonymous;
    private String customerId;
    private ApiClient customer;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestEngines::redisUri);
        SpringEngineProperties.kafka(registry);
        registry.add("polyshop.cart.max-lines", () -> "30");
        registry.add("polyshop.cart.anonymous-carts-per-client", () -> "5");
        TestTokens.register(registry);
    }

    @BeforeEach
    void clients() {
        catalog = new CartFixture(polyshopEventTemplate, envelopes, redis);
        anonymous = new ApiClient(port);
        customerId = "customer-" + UUID.randomUUID();
        customer = anonymous.as(TOKENS.valid(customerId, "CUSTOMER"));
    }

    private String myCart() {
        return "/api/v1/customers/" + customerId + "/cart";
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Response add(ApiClient client, String cart, String sku, int quantity) {
        return client.post(cart + "/lines", Map.of("sku", sku, "quantity", quantity));
    }

    private static JsonNode line(JsonNode cart, String sku) {
        return StreamSupport.stream(cart.get("lines").spliterator(), false)
                .filter(line -> line.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + sku + " in " + cart));
    }

    @Test
    void addsChangesAndRemovesLinesWithTotalsAtCatalogPrices() {
        String lamp = CartFixture.sku();
        String chair = CartFixture.sku();
        catalog.onSale(CartFixture.product(lamp, "19.90"), CartFixture.product(chair, "120.00"));

        ok(add(customer, myCart(), lamp, 2));
        ok(add(customer, myCart(), chair, 1));
        ok(add(customer, myCart(), lamp, 1));
        JsonNode changed = ok(customer.put(myCart() + "/lines/" + chair, Map.of("quantity", 3)))
                .json();

        assertThat(changed.get("lines"))
                .extracting(line -> line.get("sku").asString())
                .containsExactly(lamp, chair);
        assertThat(line(changed, lamp).get("quantity").asInt()).isEqualTo(3);
        assertThat(line(changed, lamp).get("name").asString()).isEqualTo("Product " + lamp);
        assertThat(changed.get("subtotal").decimalValue()).isEqualByComparingTo("419.70");
        assertThat(changed.get("currency").asString()).isEqualTo("EUR");
        assertThat(changed.get("itemCount").asInt()).isEqualTo(6);
        assertThat(changed.get("cartId").asString()).isEqualTo(customerId);

        JsonNode removed = ok(customer.send("DELETE", myCart() + "/lines/" + lamp, null, null))
                .json();
        assertThat(removed.get("lines")).hasSize(1);
        assertThat(removed.get("subtotal").decimalValue()).isEqualByComparingTo("360.00");
        assertThat(ok(customer.get("/api/v1/customers/me/cart")).json().get("lines"))
                .hasSize(1);
    }

    @Test
    void showsWhichLinesChangedPriceOrCanNoLongerBeBought() {
        String kettle = CartFixture.sku();
        String toaster = CartFixture.sku();
        ProductSnapshot kettleV1 = CartFixture.product(kettle, "30.00");
        ProductSnapshot toasterV1 = CartFixture.product(toaster, "45.00");
        catalog.onSale(kettleV1, toasterV1);
        ok(add(customer, myCart(), kettle, 1));
        ok(add(customer, myCart(), toaster, 2));

        String staleVariant = CartFixture.sku();
        catalog.onSale(CartFixture.product(kettle, "27.50", List.of(), 3));
        catalog.onSale(CartFixture.product(
                kettle, "99.00", List.of(new ProductSnapshot.Variant(staleVariant, Map.of(), null)), 2));
        catalog.onSale(CartFixture.product(kettle, "27.50", List.of(), 4));
        catalog.archived(toasterV1, 2);

        JsonNode cart = ok(customer.get(myCart())).json();
        assertThat(cart.get("hasChanges").asBoolean()).isTrue();
        assertThat(line(cart, kettle).get("priceChanged").asBoolean()).isTrue();
        assertThat(line(cart, kettle).get("unitPriceWhenAdded").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(line(cart, kettle).get("currentUnitPrice").decimalValue()).isEqualByComparingTo("27.50");
        assertThat(line(cart, toaster).get("available").asBoolean()).isFalse();
        assertThat(cart.get("subtotal").decimalValue()).isEqualByComparingTo("27.50");
        assertThat(add(customer, myCart(), staleVariant, 1).json().get("reason").asString())
                .isEqualTo("UNKNOWN_SKU");
        Response archived = add(customer, myCart(), toaster, 1);
        assertThat(archived.status()).isEqualTo(422);
        assertThat(archived.json().get("reason").asString()).isEqualTo("NOT_AVAILABLE");
    }

    @Test
    void fiftyConcurrentAddsToOneCartAllLand() throws Exception {
        String shared = CartFixture.sku();
        List<String> distinct =
                IntStream.range(0, 25).mapToObj(i -> CartFixture.sku()).toList();
        List<ProductSnapshot> products = new ArrayList<>();
        products.add(CartFixture.product(shared, "1.00"));
        distinct.forEach(sku -> products.add(CartFixture.product(sku, "2.00")));
        catalog.onSale(products.toArray(ProductSnapshot[]::new));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService shoppers = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String sku = i % 2 == 0 ? shared : distinct.get(i / 2);
                answers.add(shoppers.submit(() -> {
                    start.await();
                    return add(customer, myCart(), sku, 1).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }

        JsonNode cart = ok(customer.get(myCart())).json();
        assertThat(cart.get("lines")).hasSize(26);
        assertThat(line(cart, shared).get("quantity").asInt()).isEqualTo(25);
        assertThat(cart.get("itemCount").asInt()).isEqualTo(50);
        assertThat(cart.get("subtotal").decimalValue()).isEqualByComparingTo("75.00");
    }

    @Test
    void mergesTheAnonymousCartIntoTheCustomersOnSignIn() {
        String pen = CartFixture.sku();
        String ink = CartFixture.sku();
        catalog.onSale(CartFixture.product(pen, "3.00"), CartFixture.product(ink, "5.00"));
        Response started = anonymous.post("/api/v1/anonymous-carts", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String token = started.json().get("cartToken").asString();
        ApiClient visitor = anonymous.with("X-Cart-Token", token);
        ok(add(visitor, "/api/v1/anonymous-carts/current", pen, 5));
        ok(add(visitor, "/api/v1/anonymous-carts/current", ink, 1));
        ok(add(customer, myCart(), pen, 97));

        JsonNode merged = ok(customer.with("X-Cart-Token", token).post(myCart() + "/merge", null))
                .json();

        assertThat(line(merged, pen).get("quantity").asInt()).isEqualTo(99);
        assertThat(line(merged, ink).get("quantity").asInt()).isEqualTo(1);
        assertThat(merged.get("notices").toString()).contains(pen + " was capped at 99 units");
        assertThat(visitor.get("/api/v1/anonymous-carts/current").status()).isEqualTo(404);
    }

    @Test
    void cartsExpireByTheirTimeToLiveWhichEveryUseStartsAgain() {
        String cup = CartFixture.sku();
        catalog.onSale(CartFixture.product(cup, "8.00"));
        ok(add(customer, myCart(), cup, 1));
        String token = anonymous
                .post("/api/v1/anonymous-carts", null)
                .json()
                .get("cartToken")
                .asString();
        String customerKey = "cart:{c:" + customerId + "}";
        String anonymousKey = "cart:{a:" + token + "}";

        assertThat(Duration.ofMillis(redis.getExpire(customerKey, TimeUnit.MILLISECONDS)))
                .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
        assertThat(Duration.ofMillis(redis.getExpire(anonymousKey, TimeUnit.MILLISECONDS)))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

        redis.expire(customerKey, Duration.ofSeconds(5));
        ok(customer.get(myCart()));
        assertThat(Duration.ofMillis(redis.getExpire(customerKey, TimeUnit.MILLISECONDS)))
                .isGreaterThan(Duration.ofDays(29));

        redis.expire(anonymousKey, Duration.ofMillis(1));
        assertThat(anonymous
                        .with("X-Cart-Token", token)
                        .get("/api/v1/anonymous-carts/current")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrderPlacedFromTheCartTakesItsLinesOutOnce() {
        String bag = CartFixture.sku();
        String belt = CartFixture.sku();
        catalog.onSale(CartFixture.product(bag, "60.00"), CartFixture.product(belt, "25.00"));
        ok(add(customer, myCart(), bag, 2));
        ok(add(customer, myCart(), belt, 1));
        OrderPlaced order = new OrderPlaced(
                "order-" + UUID.randomUUID(),
                customerId,
                true,
                List.of(new OrderPlaced.Line(bag, 1, new BigDecimal("60.00"))),
                "EUR",
                Instant.now());

        catalog.orderPlaced(order);
        catalog.orderPlaced(order);
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode cart = ok(customer.get(myCart())).json();
        while (line(cart, bag).get("quantity").asInt() == 2 && Instant.now().isBefore(deadline)) {
            cart = ok(customer.get(myCart())).json();
        }
        String marker = CartFixture.sku();
        catalog.onSale(CartFixture.product(marker, "1.00"));
        OrderPlaced later = new OrderPlaced(
                "order-" + UUID.randomUUID(),
                customerId,
                true,
                List.of(new OrderPlaced.Line(marker, 1, BigDecimal.ONE)),
                "EUR",
                Instant.now());
        catalog.orderPlaced(later);
        ok(add(customer, myCart(), marker, 1));
        deadline = Instant.now().plusSeconds(30);
        while (redis.opsForSet().isMember("cart:{c:" + customerId + "}:orders", later.orderId()) != Boolean.TRUE
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }

        cart = ok(customer.get(myCart())).json();
        assertThat(line(cart, bag).get("quantity").asInt()).isEqualTo(1);
        assertThat(line(cart, belt).get("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void refusesBadInputAndBrokenLimitsWithoutChangingTheCart() {
        String glue = CartFixture.sku();
        String yenGlue = CartFixture.sku();
        catalog.onSale(CartFixture.product(glue, "4.00"));
        catalog.onSale(new ProductSnapshot(
                UUID.randomUUID(),
                1,
                yenGlue,
                yenGlue.toLowerCase(),
                "Yen glue",
                "Priced in yen.",
                new ProductSnapshot.Brand("acme", "Acme"),
                new ProductSnapshot.Category("gadgets", "Gadgets", List.of("gadgets")),
                new ProductSnapshot.Price(new BigDecimal("500"), "JPY"),
                List.of(),
                Map.of(),
                List.of(),
                Instant.now(),
                Instant.now()));
        ok(add(customer, myCart(), glue, 60));

        assertProblem(add(customer, myCart(), glue, 0), 400, "quantity", null);
        assertProblem(add(customer, myCart(), glue, -2), 400, "quantity", null);
        assertProblem(add(customer, myCart(), glue, 100), 400, "quantity", null);
        assertProblem(
                customer.send(
                        "POST",
                        myCart() + "/lines",
                        "{\"sku\":\"" + glue + "\",\"quantity\":12345678901234}",
                        "application/json"),
                400,
                "quantity",
                null);
        assertProblem(add(customer, myCart(), glue, 40), 422, "quantity", "QUANTITY_LIMIT");
        assertProblem(add(customer, myCart(), "bad sku!", 1), 400, "sku", null);
        assertProblem(add(customer, myCart(), CartFixture.sku(), 1), 422, "sku", "UNKNOWN_SKU");
        assertProblem(add(customer, myCart(), yenGlue, 1), 422, "sku", "CURRENCY_MISMATCH");
        assertProblem(customer.post(myCart() + "/lines", Map.of("quantity", 1)), 400, "sku", null);
        assertProblem(customer.put(myCart() + "/lines/" + glue, Map.of("quantity", 0)), 400, "quantity", null);
        assertProblem(customer.put(myCart() + "/lines/" + CartFixture.sku(), Map.of("quantity", 1)), 404, null, null);
        assertProblem(
                anonymous.with("X-Cart-Token", "short").get("/api/v1/anonymous-carts/current"),
                400,
                "X-Cart-Token",
                null);
        assertProblem(anonymous.get("/api/v1/anonymous-carts/current"), 400, "X-Cart-Token", null);

        JsonNode cart = ok(customer.get(myCart())).json();
        assertThat(cart.get("lines")).hasSize(1);
        assertThat(line(cart, glue).get("quantity").asInt()).isEqualTo(60);
    }

    @Test
    void refusesALineBeyondTheCartsLimitOfDifferentProducts() {
        List<String> skus =
                IntStream.range(0, 31).mapToObj(i -> CartFixture.sku()).toList();
        catalog.onSale(
                skus.stream().map(sku -> CartFixture.product(sku, "1.00")).toArray(ProductSnapshot[]::new));
        skus.subList(0, 30).forEach(sku -> ok(add(customer, myCart(), sku, 1)));

        assertProblem(add(customer, myCart(), skus.get(30), 1), 422, "sku", "TOO_MANY_LINES");
        ok(add(customer, myCart(), skus.get(0), 1));
        assertThat(ok(customer.get(myCart())).json().get("lines")).hasSize(30);
    }

    @Test
    void aCartIsReachableOnlyByItsOwnerOrItsToken() {
        String soap = CartFixture.sku();
        catalog.onSale(CartFixture.product(soap, "2.50"));
        ok(add(customer, myCart(), soap, 1));
        ApiClient other = anonymous.as(TOKENS.valid("customer-" + UUID.randomUUID(), "CUSTOMER"));
        ApiClient support = anonymous.as(TOKENS.valid("agent-1", "SUPPORT"));
        String token = anonymous
                .post("/api/v1/anonymous-carts", null)
                .json()
                .get("cartToken")
                .asString();
        ok(add(anonymous.with("X-Cart-Token", token), "/api/v1/anonymous-carts/current", soap, 2));
        String guessed = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");

        assertThat(other.get(myCart()).status()).isEqualTo(404);
        assertThat(add(other, myCart(), soap, 5).status()).isEqualTo(404);
        assertThat(other.send("DELETE", myCart() + "/lines/" + soap, null, null).status())
                .isEqualTo(404);
        assertThat(anonymous.get(myCart()).status()).isEqualTo(401);
        assertThat(ok(support.get(myCart())).json().get("lines")).hasSize(1);
        assertProblem(add(support, myCart(), soap, 5), 403, null, null);
        assertProblem(support.send("DELETE", myCart() + "/lines/" + soap, null, null), 403, null, null);
        assertThat(anonymous
                        .with("X-Cart-Token", guessed)
                        .get("/api/v1/anonymous-carts/current")
                        .status())
                .isEqualTo(404);
        assertThat(add(anonymous.with("X-Cart-Token", guessed), "/api/v1/anonymous-carts/current", soap, 1)
                        .status())
                .isEqualTo(404);
        assertThat(line(ok(customer.get(myCart())).json(), soap).get("quantity").asInt())
                .isEqualTo(1);
    }

    @Test
    void startsOnlySoManyAnonymousCartsForOneClient() {
        ApiClient busy = anonymous.with("X-Forwarded-For", "203.0.113." + (1 + new java.util.Random().nextInt(250)));
        for (int cart = 0; cart < 5; cart++) {
            assertThat(busy.post("/api/v1/anonymous-carts", null).status()).isEqualTo(201);
        }

        Response refused = busy.post("/api/v1/anonymous-carts", null);
        Response elsewhere = anonymous
                .with("X-Forwarded-For", "198.51.100." + (1 + new java.util.Random().nextInt(250)))
                .post("/api/v1/anonymous-carts", null);

        assertProblem(refused, 429, null, null);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    private static void assertProblem(Response response, int status, String field, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").toString())
                    .as(response.toString())
                    .contains("\"" + field);
        }
        if (reason != null) {
            assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        }
    }
}
