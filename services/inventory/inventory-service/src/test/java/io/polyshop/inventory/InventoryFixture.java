package io.polyshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TestWords;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/** Stock set-up, reads and saga commands for the inventory ITs, on the real engines. */
final class InventoryFixture {

    static final TestTokens TOKENS = TestTokens.shared();

    private final ApiClient admin;

    InventoryFixture(int port) {
        this.admin = new ApiClient(port).as(TOKENS.valid("stock-keeper", "ADMIN"));
    }

    /** Each test context gets tables of its own on the shared DynamoDB Local. */
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("polyshop.inventory.dynamodb-endpoint", TestEngines::dynamoDbEndpoint);
        registry.add(
                "polyshop.inventory.table-prefix",
                () -> "t" + UUID.randomUUID().toString().substring(0, 8) + "_");
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
    }

    ApiClient admin() {
        return admin;
    }

    static String sku() {
        return TestWords.unique("SKU-").toUpperCase(Locale.ROOT);
    }

    static String reservationId() {
        return "r-" + UUID.randomUUID();
    }

    void stock(String sku, long onHand) {
        Response set = admin.put("/api/v1/admin/stock/" + sku, Map.of("onHand", onHand, "reason", "initial count"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    JsonNode level(String sku) {
        return admin.get("/api/v1/admin/stock/" + sku).json();
    }

    long available(String sku) {
        return level(sku).get("available").asLong();
    }

    List<JsonNode> ledger(String sku) {
        Response ledger = admin.get("/api/v1/admin/stock/" + sku + "/ledger?size=200");
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        return StreamSupport.stream(ledger.json().get("entries").spliterator(), false)
                .toList();
    }

    /** The ledger adds up to the stock item: nothing changed stock without an entry. */
    void assertLedgerMatches(String sku) {
        JsonNode level = level(sku);
        List<JsonNode> entries = ledger(sku);
        long onHand = entries.stream()
                .mapToLong(entry -> entry.get("onHandChange").asLong())
                .sum();
        long reserved = entries.stream()
                .mapToLong(entry -> entry.get("reservedChange").asLong())
                .sum();
        assertThat(onHand)
                .as("on hand by the ledger of " + sku)
                .isEqualTo(level.get("onHand").asLong());
        assertThat(reserved)
                .as("reserved by the ledger of " + sku)
                .isEqualTo(level.get("reserved").asLong());
    }

    Response reserve(String reservationId, Map<String, Integer> lines) {
        return admin.post(
                "/api/v1/admin/reservations",
                Map.of(
                        "reservationId",
                        reservationId,
                        "lines",
                        lines.entrySet().stream()
                                .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue()))
                                .toList()));
    }

    /** Sends a saga command as the order service's outbox relay would. */
    static void command(
            KafkaTemplate<String, Object> kafka, EventEnvelopes envelopes, String type, String key, Object payload) {
        byte[] envelope = envelopes.serialize(
                envelopes.envelope(type, key, ApiClient.json().writeValueAsBytes(payload)));
        kafka.send(EventEnvelopes.producerRecord(InventoryMessages.COMMANDS, key, envelope, null))
                .join();
    }
}
