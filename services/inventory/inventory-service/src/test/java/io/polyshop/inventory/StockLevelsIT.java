package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stock levels as staff set them: the ledger, the low-stock alert, refused input and who may reach them. */
class StockLevelsIT extends InventoryTestSupport {

    @Test
    void recordsEveryStockChangeWithItsReasonInTheLedger() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 20);
        Response removed = admin.post(
                "/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", -5, "reason", "damaged in transit"));
        Response added =
                admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 3, "reason", "returns"));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(added.json().get("onHand").asLong()).isEqualTo(18);
        assertThat(added.json().get("available").asLong()).isEqualTo(18);
        List<JsonNode> ledger = inventory.ledger(sku);
        assertThat(ledger)
                .extracting(entry -> entry.get("reason").asString())
                .containsExactly("returns", "damaged in transit", "initial count");
        assertThat(ledger)
                .allSatisfy(
                        entry -> assertThat(entry.get("reference").asString()).isEqualTo("stock-keeper"));
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void reportsLowStockOnceEachTimeItFallsUnderTheThreshold() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 12);
        // The watch runs on a timer; each step looks at once so the steps stay apart.
        lowStock.lookAtNoted();

        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 3));
        lowStock.lookAtNoted();
        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 1));
        lowStock.lookAtNoted();
        admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 20, "reason", "delivery"));
        lowStock.lookAtNoted();
        inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 25));
        lowStock.lookAtNoted();
        events.await(event -> events.about(sku).size() == 2, DEADLINE);

        assertThat(events.about(sku))
                .extracting(event -> event.data().get("available").asLong())
                .containsExactly(9L, 3L);
    }

    @Test
    void refusesBadInputWithoutChangingStock() {
        String sku = InventoryFixture.sku();
        inventory.stock(sku, 10);
        String reservation = InventoryFixture.reservationId();
        assertThat(inventory.reserve(reservation, Map.of(sku, 2)).status()).isEqualTo(201);

        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 0)), 400, "quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, -3)), 400, "quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of(sku, 10_001)), 400, "quantity");
        assertRejected(
                admin.send(
                        "POST",
                        "/api/v1/admin/reservations",
                        "{\"reservationId\":\"r-huge\",\"lines\":[{\"sku\":\"" + sku
                                + "\",\"quantity\":99999999999999}]}",
                        "application/json"),
                400,
                "lines[0].quantity");
        assertRejected(inventory.reserve(InventoryFixture.reservationId(), Map.of("not a sku", 1)), 400, "sku");
        assertRejected(inventory.reserve("../etc/passwd", Map.of(sku, 1)), 400, "reservationId");
        assertRejected(inventory.reserve(reservation, Map.of(sku, 3)), 422, "reservationId");
        assertRejected(
                admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", -9, "reason", "recount")),
                409,
                null);
        assertRejected(admin.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 5)), 400, "reason");
        assertRejected(admin.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 1, "reason", "recount")), 409, null);
        assertRejected(admin.get("/api/v1/admin/stock/lower-case-sku"), 400, "sku");
        assertRejected(admin.get("/api/v1/admin/reservations/r-unknown"), 404, null);

        JsonNode level = inventory.level(sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(10);
        assertThat(level.get("reserved").asLong()).isEqualTo(2);
        inventory.assertLedgerMatches(sku);
    }

    @Test
    void onlyAdminsReachStockAndReservationsOverHttp() {
        String sku = InventoryFixture.sku();
        ApiClient anonymous = new ApiClient(port);
        ApiClient customer = anonymous.as(InventoryFixture.TOKENS.valid("shopper-9", "CUSTOMER"));
        Map<String, Object> reserve =
                Map.of("reservationId", "r-1", "lines", List.of(Map.of("sku", sku, "quantity", 1)));

        assertThat(anonymous.get("/api/v1/admin/stock/" + sku).status()).isEqualTo(401);
        assertThat(customer.get("/api/v1/admin/stock/" + sku).status()).isEqualTo(403);
        assertThat(customer.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 5, "reason", "mine"))
                        .status())
                .isEqualTo(403);
        assertThat(customer.put("/api/v1/admin/stock/" + sku, Map.of("onHand", -5))
                        .status())
                .as("refused before the body is validated")
                .isEqualTo(403);
        ApiClient support = anonymous.as(InventoryFixture.TOKENS.valid("helper-9", "SUPPORT"));
        assertThat(support.get("/api/v1/admin/stock/" + sku).status()).isNotEqualTo(403);
        assertThat(support.put("/api/v1/admin/stock/" + sku, Map.of("onHand", 5, "reason", "mine"))
                        .status())
                .isEqualTo(403);
        assertThat(support.post("/api/v1/admin/stock/" + sku + "/adjustments", Map.of("delta", 5, "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.post("/api/v1/admin/reservations", reserve).status())
                .isEqualTo(401);
        assertThat(customer.post("/api/v1/admin/reservations", reserve).status())
                .isEqualTo(403);
        assertThat(customer.post("/api/v1/admin/reservations/r-1/release", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(inventory.level(sku).get("onHand").asLong()).isZero();
    }
}
