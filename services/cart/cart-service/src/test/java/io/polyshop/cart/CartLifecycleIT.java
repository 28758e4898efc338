package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.order.api.OrderPlaced;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A cart's life: merged on sign-in, expiring unless used, emptied by the order placed from it. */
class CartLifecycleIT extends CartTestSupport {

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
}
