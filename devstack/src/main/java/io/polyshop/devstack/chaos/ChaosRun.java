package io.polyshop.devstack.chaos;

import io.polyshop.devstack.bench.JsonHttp;
import io.polyshop.devstack.chaos.ChaosPlatform.Customer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A fault run: customers check out continuously while faults are injected one after another, each
 * in a phase of its own with products of its own; then the platform settles and
 * {@link ChaosVerdict} checks what every order, payment, stock level and e-mail must look like.
 */
public final class ChaosRun {

    /** Every fault a run can inject, by name. */
    public static final List<String> FAULTS = List.of(
            "order-killed",
            "payment-killed",
            "inventory-killed",
            "kafka-stopped",
            "order-postgres-stopped",
            "payment-postgres-stopped",
            "inventory-dynamodb-stopped",
            "replies-duplicated",
            "notification-killed");

    /** Units each product of a phase is stocked with: fewer than the phase sells, so some orders find it short. */
    static final long STOCK = 40;

    /**
     * @param customers shoppers checking out at once
     * @param steady traffic before each fault and after it healed
     * @param outage how long an engine stays stopped, and the replies are recorded
     * @param down how long a killed service stays down before it is started again
     * @param settle how long the platform gets, after the last phase, to bring every order to its end
     * @param faults which faults, in this order (names from {@link #FAULTS})
     */
    public record Settings(
            int customers, Duration steady, Duration outage, Duration down, Duration settle, List<String> faults) {

        public Settings {
            faults = List.copyOf(faults);
            for (String fault : faults) {
                if (!FAULTS.contains(fault)) {
                    throw new IllegalArgumentException("no fault named '" + fault + "' (have: " + FAULTS + ")");
                }
            }
            if (customers < 1) {
                throw new IllegalArgumentException("a run needs at least one customer");
            }
        }
    }

    /** A phase's fault: what it breaks, and how it mends it. */
    private record Fault(String name, String description, Step inject, Step heal, Duration hold) {}

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private final ChaosPlatform platform;
    private final Settings settings;
    private final Consumer<String> progress;
    private final ChaosLedger ledger = new ChaosLedger();

    public ChaosRun(ChaosPlatform platform, Settings settings, Consumer<String> progress) {
        this.platform = platform;
        this.settings = settings;
        this.progress = progress;
    }

    public ChaosVerdict run() throws Exception {
        List<Customer> customers = platform.customers(settings.customers());
        Map<String, List<String>> skusByPhase = new LinkedHashMap<>();
        Map<String, Instant[]> windows = new LinkedHashMap<>();
        int number = 0;
        for (String name : settings.faults()) {
            number++;
            Fault fault = fault(name);
            progress.accept(
                    String.format("phase %d/%d: %s", number, settings.faults().size(), fault.description()));
            List<String> skus = stocked(
                    new JsonHttp(platform.operatorToken()),
                    new JsonHttp(customers.getFirst().token()),
                    name);
            skusByPhase.put(name, skus);
            Instant began = Instant.now();
            runPhase(fault, customers, skus);
            windows.put(name, new Instant[] {began, Instant.now()});
        }
        progress.accept(
                "letting the platform settle (at most " + settings.settle().toSeconds() + " s)");
        ChaosVerdict verdict = new ChaosVerdict(platform, ledger, skusByPhase, windows, STOCK);
        verdict.settle(settings.settle(), progress);
        progress.accept("checking every order, payment, stock level and e-mail");
        verdict.check();
        return verdict;
    }

    private void runPhase(Fault fault, List<Customer> customers, List<String> skus) throws Exception {
        AtomicBoolean shopping = new AtomicBoolean(true);
        List<Thread> shoppers = new ArrayList<>();
        URI order = platform.service("order");
        for (int c = 0; c < customers.size(); c++) {
            Shopper shopper = new Shopper(
                    customers.get(c),
                    order,
                    skus,
                    fault.name(),
                    ledger,
                    new SplittableRandom(fault.name().hashCode() * 31L + c));
            shoppers.add(Thread.ofPlatform().name("chaos-shopper-" + c).start(() -> shopper.shop(shopping::get)));
        }
        try {
            Thread.sleep(settings.steady());
            progress.accept("  injecting: " + fault.description());
            fault.inject().run();
            Thread.sleep(fault.hold());
            progress.accept("  healing");
            fault.heal().run();
            Thread.sleep(settings.steady());
        } finally {
            shopping.set(false);
            for (Thread shopper : shoppers) {
                shopper.join();
            }
        }
    }

    private Fault fault(String name) {
        return switch (name) {
            case "order-killed" -> killed("order");
            case "payment-killed" -> killed("payment");
            case "inventory-killed" -> killed("inventory");
            case "notification-killed" -> killed("notification");
            case "kafka-stopped" -> stopped("kafka", "Kafka");
            case "order-postgres-stopped" -> stopped("order-postgres", "order's PostgreSQL");
            case "payment-postgres-stopped" -> stopped("payment-postgres", "payment's PostgreSQL");
            case "inventory-dynamodb-stopped" -> stopped("inventory-dynamodb", "inventory's DynamoDB Local");
            case "replies-duplicated" -> repliesDuplicated();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Fault killed(String service) {
        return new Fault(
                service + "-killed",
                service + " killed (kill -9) mid-saga, started again after "
                        + settings.down().toSeconds() + " s",
                () -> platform.kill(service),
                () -> platform.restart(service),
                settings.down());
    }

    private Fault stopped(String engine, String what) {
        return new Fault(
                engine + "-stopped",
                what + " stopped for " + settings.outage().toSeconds() + " s, then started on the same data",
                () -> platform.stop(engine),
                () -> platform.start(engine),
                settings.outage());
    }

    private Fault repliesDuplicated() {
        ReplyEcho[] echo = new ReplyEcho[1];
        return new Fault(
                "replies-duplicated",
                "saga replies recorded for " + settings.outage().toSeconds()
                        + " s, then sent again twice each, shuffled",
                () -> echo[0] = ReplyEcho.listen(platform.kafkaBootstrapServers()),
                () -> progress.accept("  sent " + echo[0].echo() + " replies again"),
                settings.outage());
    }

    /** Two new products for the phase, stocked, once the order service knows their prices. */
    private List<String> stocked(JsonHttp operator, JsonHttp customer, String phase)
            throws IOException, InterruptedException {
        List<String> skus = platform.productsOnSale(phase, 2);
        URI inventory = platform.service("inventory");
        for (String sku : skus) {
            operator.required(
                    "PUT",
                    inventory.resolve("/api/v1/admin/stock/" + sku),
                    Map.of("onHand", STOCK, "reason", "chaos run: " + phase));
        }
        awaitPricesKnown(customer, skus);
        return skus;
    }

    /**
     * Asks the order service to price an order with a total that cannot be right: it refuses with
     * TOTAL_MISMATCH once it knows every SKU (UNKNOWN_SKU before), and stores nothing either way.
     */
    private void awaitPricesKnown(JsonHttp customer, List<String> skus) throws IOException, InterruptedException {
        URI orders = platform.service("order").resolve("/api/v1/orders");
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put(
                "lines",
                skus.stream().map(sku -> Map.of("sku", sku, "quantity", 1)).toList());
        probe.put("shippingAddress", Shopper.ADDRESS);
        probe.put("paymentMethod", "tok_visa");
        probe.put("expectedTotal", Map.of("amount", BigDecimal.ZERO, "currency", "EUR"));
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            JsonHttp.Response answer = customer.send(
                    "POST",
                    orders,
                    probe,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (answer.status() == 422 && reason(answer).equals("TOTAL_MISMATCH")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the order service did not learn the prices of " + skus + " within 2 minutes");
    }

    private static String reason(JsonHttp.Response answer) {
        try {
            JsonNode problem = answer.json();
            return problem.path("reason").asString();
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
