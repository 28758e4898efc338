package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** What a customer may ask: bad orders refused with their fields, later services' limits named, only their own orders listed, and card tokens kept out of the logs. */
class OrderRequestsIT extends OrderTestSupport {

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
