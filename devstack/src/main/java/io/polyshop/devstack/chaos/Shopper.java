package io.polyshop.devstack.chaos;

import io.polyshop.devstack.bench.JsonHttp;
import io.polyshop.devstack.chaos.ChaosPlatform.Customer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * One customer checking out again and again while faults come and go, as a careful client does:
 * every order has its own {@code Idempotency-Key}, and a request that got no answer, a 5xx or
 * "still in progress" is sent again with the same key until it gets a final one. Some orders use a
 * card that is declined, fails twice, or never answers; some are cancelled a moment later; some
 * are sent once more after they were accepted, which must answer the same order.
 */
final class Shopper {

    /**
     * Cards as a shop sees them: most approve; a few are declined; now and then the provider fails
     * twice or never answers. More failing calls than that open the provider's circuit breaker and
     * reject good cards too, which tests nothing the faults do not.
     */
    private static final List<String> CARDS = cards();

    /** Where every order of a fault run goes (a German address: 19 % tax, shipping free from 50 EUR). */
    static final Map<String, Object> ADDRESS = Map.of(
            "recipient", "Chaos Customer",
            "line1", "Faultstrasse 1",
            "city", "Berlin",
            "postalCode", "10115",
            "country", "DE");
    /** How long one key is tried before the shopper gives up on it and says so. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static List<String> cards() {
        List<String> cards = new java.util.ArrayList<>(java.util.Collections.nCopies(34, "tok_visa"));
        cards.addAll(List.of(
                "tok_declined",
                "tok_declined",
                "tok_insufficient_funds",
                "tok_insufficient_funds",
                "tok_flaky",
                "tok_timeout"));
        return List.copyOf(cards);
    }

    private final Customer customer;
    private final JsonHttp http;
    private final URI orders;
    private final List<String> skus;
    private final String phase;
    private final ChaosLedger ledger;
    private final SplittableRandom random;

    Shopper(
            Customer customer,
            URI order,
            List<String> skus,
            String phase,
            ChaosLedger ledger,
            SplittableRandom random) {
        this.customer = customer;
        this.http = new JsonHttp(customer.token());
        this.orders = order.resolve("/api/v1/orders");
        this.skus = skus;
        this.phase = phase;
        this.ledger = ledger;
        this.random = random;
    }

    /** Places orders, a second or two apart, while {@code shopping}; a key in flight is finished. */
    void shop(BooleanSupplier shopping) {
        while (shopping.getAsBoolean()) {
            placeOne();
            pause(Duration.ofMillis(800 + random.nextInt(1_600)));
        }
    }

    private void placeOne() {
        Map<String, Integer> units = new LinkedHashMap<>();
        int lines = 1 + random.nextInt(Math.min(2, skus.size()));
        while (units.size() < lines) {
            units.put(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(2));
        }
        String card = CARDS.get(random.nextInt(CARDS.size()));
        Map<String, Object> body = new HashMap<>();
        body.put(
                "lines",
                units.entrySet().stream()
                        .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue()))
                        .toList());
        body.put("shippingAddress", ADDRESS);
        body.put("paymentMethod", card);
        String key = UUID.randomUUID().toString();
        JsonHttp.Response answer = untilFinal(() -> http.send("POST", orders, body, Map.of("Idempotency-Key", key)));
        if (answer == null) {
            ledger.unanswered(phase, customer, key);
            return;
        }
        if (answer.status() != 201) {
            ledger.refused(phase, answer.status(), reason(answer));
            return;
        }
        String orderId = answer.json().get("orderId").asString();
        PlacedOrder placed = ledger.placed(phase, customer, key, orderId, units, card);
        if (random.nextInt(10) == 0) {
            JsonHttp.Response again = untilFinal(() -> http.send("POST", orders, body, Map.of("Idempotency-Key", key)));
            if (again != null
                    && (again.status() != 201
                            || !again.json().get("orderId").asString().equals(orderId))) {
                placed.replayDiffered(again.status() + " " + again.body());
            }
        }
        if (random.nextInt(10) == 0) {
            pause(Duration.ofMillis(random.nextInt(3_000)));
            URI cancellation = orders.resolve("/api/v1/orders/" + orderId + "/cancellation");
            JsonHttp.Response cancelled = untilFinal(() -> http.send("POST", cancellation, null));
            if (cancelled != null && cancelled.status() == 202) {
                placed.cancelRequested();
            }
        }
    }

    /** The first final answer: not a failed connection, a 5xx, a 429 or "still in progress". */
    private JsonHttp.Response untilFinal(Request request) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        Duration backoff = Duration.ofMillis(250);
        while (Instant.now().isBefore(giveUp)) {
            try {
                JsonHttp.Response response = request.send();
                if (!passing(response)) {
                    return response;
                }
                ledger.retried(phase, response.status() == 503 ? "503" : Integer.toString(response.status()));
            } catch (IOException e) {
                ledger.retried(phase, "no answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause(backoff.plusMillis(random.nextInt((int) backoff.toMillis())));
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0
                    ? Duration.ofSeconds(4)
                    : backoff.multipliedBy(2);
        }
        return null;
    }

    private static boolean passing(JsonHttp.Response response) {
        return response.status() >= 500
                || response.status() == 429
                || (response.status() == 409 && response.body().contains("idempotency-key-in-flight"));
    }

    private static String reason(JsonHttp.Response answer) {
        try {
            JsonNode problem = answer.json();
            return problem.has("reason")
                    ? problem.get("reason").asString()
                    : problem.path("title").asString();
        } catch (RuntimeException notJson) {
            return "status " + answer.status();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Request {
        JsonHttp.Response send() throws IOException, InterruptedException;
    }
}
