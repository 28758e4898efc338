package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.inventory.api.StockReservationFailed;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.payment.api.PaymentDeclined;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Placing an order: the saga through every step, one order per idempotency key, and the refusals that end it early. */
class CheckoutSagaIT extends OrderTestSupport {

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
    void stalePricesAreRefusedWithTheCurrentOnesAndNothingIsStored() {
        Response stale = place(order(List.of(line(gadget, 1, "18.00"), line(gizmo, 1, "7.50")), "tok_visa"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentPrices"))
                .extracting(price -> price.get("sku").asString() + "="
                        + price.get("unitPrice").decimalValue().setScale(2).toPlainString())
                .containsExactlyInAnyOrder(gadget + "=20.00", gizmo + "=7.50");
        assertThat(ordersOf(customer)).isZero();
    }
}
