package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Lines and totals: adding, changing and removing at catalog prices, under races and within limits. */
class CartLinesIT extends CartTestSupport {

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
}
