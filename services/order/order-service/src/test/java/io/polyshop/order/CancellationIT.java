package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancelling: a confirmed order is refunded and released, a shipped or someone else's order is not. */
class CancellationIT extends OrderTestSupport {

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
}
