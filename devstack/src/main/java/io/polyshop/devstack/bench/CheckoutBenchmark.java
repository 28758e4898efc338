package io.polyshop.devstack.bench;

import io.polyshop.devstack.RunningPlatform;
import io.polyshop.devstack.bench.LoadRun.Outcome;
import io.polyshop.devstack.bench.LoadRun.Result;
import io.polyshop.devstack.demo.CatalogSeeder;
import io.polyshop.devstack.demo.DemoCatalog;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./polyshop bench checkout}: whole checkouts against the running platform. Each customer
 * places an order (POST to the order service) and waits until {@code order.confirmed} for it
 * appears on Kafka, then places the next; the saga meanwhile reserves stock, authorizes and
 * captures the payment and confirms the reservation. It runs at 16 and at 64 customers and reports
 * confirmed orders/s, the latency from POST to confirmation, and the SQL statements each checkout
 * cost in all PostgreSQL services together (from pg_stat_statements).
 */
public final class CheckoutBenchmark {

    private static final String USAGE = "usage: ./polyshop bench checkout [--seconds N] [--warmup N] [--skus N]";
    private static final String PASSWORD = "polyshop-bench-2026";
    private static final int[] CUSTOMERS = {16, 64};
    private static final long STOCK = 1_000_000;
    private static final Duration CONFIRMATION = Duration.ofSeconds(60);
    private static final String CONFIRMED = "polyshop.order.confirmed.v1";
    private static final String REJECTED = "polyshop.order.rejected.v1";

    private CheckoutBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE);
        int seconds = options.number("seconds", 30);
        int warmup = options.number("warmup", 30);
        int skuCount = options.number("skus", 200);

        Path root = Path.of(".").toAbsolutePath().normalize();
        RunningPlatform platform = RunningPlatform.read(root);
        URI identity = platform.url("identity");
        URI order = platform.url("order");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < skuCount; i++) {
            skus.add(DemoCatalog.product(i, true).get("sku").toString());
        }
        say("polyshop bench: stocking " + skuCount + " demo products");
        stock(platform, skus);
        int most = CUSTOMERS[CUSTOMERS.length - 1];
        say("polyshop bench: signing in " + most + " bench customers");
        List<JsonHttp> customers = new ArrayList<>();
        for (int c = 0; c < most; c++) {
            customers.add(new JsonHttp(JsonHttp.signUp(
                    identity, "checkout-bench-" + c + "@polyshop.local", PASSWORD, "Checkout bench " + c)));
        }
        Map<String, String> databases = new LinkedHashMap<>();
        platform.readyAddresses().forEach((name, address) -> {
            if (name.endsWith("-postgres")) {
                databases.put(name.substring(0, name.length() - "-postgres".length()), address);
            }
        });

        BenchReport report = new BenchReport("checkout", "Polyshop checkout benchmark");
        report.add(
                "each customer places an order of 1 to 3 demo products (tok_visa) and waits for order.confirmed"
                        + " before the next; %d s warm-up then %d s measured per level; order at %s (direct)",
                warmup, seconds, order);
        try (Confirmations confirmations =
                Confirmations.follow(platform.readyAddresses().get("kafka"))) {
            probe(customers.getFirst(), order, skus, confirmations);
            for (int level : CUSTOMERS) {
                say("polyshop bench: " + level + " customers checking out");
                Map<String, Long> before = statements(databases);
                long confirmedBefore = confirmations.confirmed();
                Result result = LoadRun.run(
                        level,
                        c -> new Customer(customers.get(c), order, skus, confirmations)::checkOut,
                        Duration.ofSeconds(warmup),
                        Duration.ofSeconds(seconds),
                        Optional.empty());
                // Let the relays publish the last events' rows before counting.
                Thread.sleep(1_000);
                Map<String, Long> after = statements(databases);
                long checkouts = confirmations.confirmed() - confirmedBefore;
                describe(report, level, result, before, after, checkouts);
            }
            report.add("rejected during the run: %d", confirmations.rejected());
        }
        report.add("targets: >= 100 orders/s, p99 <= 1 s, <= 30 SQL statements per checkout");
        report.write(root);
    }

    private static void describe(
            BenchReport report,
            int level,
            Result result,
            Map<String, Long> before,
            Map<String, Long> after,
            long checkouts) {
        report.add(
                "%d customers: %.1f orders/s confirmed, POST to confirmed %s, failed %d",
                level, result.perSecond(), result.all().summary(), result.failures());
        long total = 0;
        StringBuilder perService = new StringBuilder();
        for (String service : after.keySet()) {
            long statements = after.get(service) - before.getOrDefault(service, 0L);
            total += statements;
            perService.append(String.format(
                    java.util.Locale.ROOT, " %s %.1f", service, statements / (double) Math.max(1, checkouts)));
        }
        report.add(
                "  SQL statements per checkout: %.1f (%d statements, %d checkouts, warm-up included;%s)",
                total / (double) Math.max(1, checkouts), total, checkouts, perService);
    }

    /** Gives every SKU plenty of stock, so that the run measures checkouts, not refusals. */
    private static void stock(RunningPlatform platform, List<String> skus) {
        JsonHttp admin = new JsonHttp(
                JsonHttp.login(platform.url("identity"), CatalogSeeder.ADMIN_EMAIL, CatalogSeeder.ADMIN_PASSWORD));
        URI inventory = platform.url("inventory");
        for (String sku : skus) {
            admin.required(
                    "PUT",
                    inventory.resolve("/api/v1/admin/stock/" + sku),
                    Map.of("onHand", STOCK, "reason", "checkout benchmark"));
        }
    }

    /** One order before the run, so that a platform without the demo catalog stops here with a reason. */
    private static void probe(JsonHttp customer, URI order, List<String> skus, Confirmations confirmations)
            throws IOException, InterruptedException {
        Outcome outcome = new Customer(customer, order, skus, confirmations).checkOut(new SplittableRandom(1));
        if (outcome.failed()) {
            throw new IllegalStateException("a probe checkout failed (" + confirmations.lastProblem()
                    + "); is the demo catalog loaded (./polyshop seed) and are order, payment and inventory up?");
        }
    }

    /** Statements executed so far in each service's database, not counting this benchmark's own. */
    private static Map<String, Long> statements(Map<String, String> databases) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> database : databases.entrySet()) {
            try (Connection connection = DriverManager.getConnection(database.getValue(), "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
                try (ResultSet sum = statement.executeQuery("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                         where dbid = (select oid from pg_database where datname = current_database())
                           and userid <> (select oid from pg_roles where rolname = current_user)
                        """)) {
                    sum.next();
                    counts.put(database.getKey(), sum.getLong(1));
                }
            }
        }
        return counts;
    }

    /** One signed-in customer placing orders one after another. */
    private static final class Customer {

        private final JsonHttp http;
        private final URI orders;
        private final List<String> skus;
        private final Confirmations confirmations;

        Customer(JsonHttp http, URI order, List<String> skus, Confirmations confirmations) {
            this.http = http;
            this.orders = order.resolve("/api/v1/orders");
            this.skus = skus;
            this.confirmations = confirmations;
        }

        Outcome checkOut(SplittableRandom random) throws IOException, InterruptedException {
            int lines = 1 + random.nextInt(3);
            Map<String, Map<String, Object>> chosen = new LinkedHashMap<>();
            while (chosen.size() < lines) {
                String sku = skus.get(random.nextInt(skus.size()));
                chosen.put(sku, Map.of("sku", sku, "quantity", 1 + random.nextInt(2)));
            }
            Map<String, Object> body = new HashMap<>();
            body.put("lines", List.copyOf(chosen.values()));
            body.put(
                    "shippingAddress",
                    Map.of(
                            "recipient",
                            "Bench Customer",
                            "line1",
                            "Benchstrasse 1",
                            "city",
                            "Berlin",
                            "postalCode",
                            "10115",
                            "country",
                            "DE"));
            body.put("paymentMethod", "tok_visa");
            JsonHttp.Response placed = http.send(
                    "POST",
                    orders,
                    body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (placed.status() != 201) {
                confirmations.problem("POST answered " + placed.status() + ": " + placed.body());
                return Outcome.failed("checkout");
            }
            String orderId = placed.json().get("orderId").asString();
            try {
                String outcome = confirmations.of(orderId).get(CONFIRMATION.toSeconds(), TimeUnit.SECONDS);
                if (!CONFIRMED.equals(outcome)) {
                    confirmations.problem("order " + orderId + " ended " + outcome);
                    return Outcome.failed("checkout");
                }
                return Outcome.ok("checkout");
            } catch (ExecutionException | TimeoutException e) {
                confirmations.problem("order " + orderId + " not confirmed within " + CONFIRMATION);
                return Outcome.failed("checkout");
            } finally {
                confirmations.forget(orderId);
            }
        }
    }

    /** Follows order.events from its end and completes each order's future when its saga ends. */
    private static final class Confirmations implements AutoCloseable {

        private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private final AtomicLong confirmed = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile String lastProblem = "none";
        private final Thread follower;

        private Confirmations(String kafka) {
            CompletableFuture<Void> assigned = new CompletableFuture<>();
            follower =
                    Thread.ofPlatform().daemon().name("checkout-confirmations").start(() -> follow(kafka, assigned));
            assigned.join();
        }

        static Confirmations follow(String kafka) {
            return new Confirmations(kafka);
        }

        private void follow(String kafka, CompletableFuture<Void> assigned) {
            Map<String, Object> settings = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor("order.events").stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.complete(null);
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        JsonNode event = JsonHttp.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                        String type = event.path("type").asString();
                        if (type.equals(CONFIRMED) || type.equals(REJECTED)) {
                            (type.equals(CONFIRMED) ? confirmed : rejected).incrementAndGet();
                            of(event.path("subject").asString()).complete(type);
                        }
                    }
                }
            } catch (RuntimeException e) {
                assigned.completeExceptionally(e);
                lastProblem = "following order.events failed: " + e.getMessage();
            }
        }

        CompletableFuture<String> of(String orderId) {
            return pending.computeIfAbsent(orderId, id -> new CompletableFuture<>());
        }

        void forget(String orderId) {
            pending.remove(orderId);
        }

        long confirmed() {
            return confirmed.get();
        }

        long rejected() {
            return rejected.get();
        }

        void problem(String problem) {
            lastProblem = problem;
        }

        String lastProblem() {
            return lastProblem;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            follower.join(Duration.ofSeconds(5));
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
