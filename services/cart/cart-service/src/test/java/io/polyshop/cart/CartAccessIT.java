package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who reaches a cart: its owner or its token, and only so many anonymous carts per client. */
class CartAccessIT extends CartTestSupport {

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
}
