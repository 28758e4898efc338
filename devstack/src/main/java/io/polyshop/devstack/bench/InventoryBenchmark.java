package io.polyshop.devstack.bench;

import io.polyshop.devstack.RunningPlatform;
import io.polyshop.devstack.bench.LoadRun.Outcome;
import io.polyshop.devstack.bench.LoadRun.Result;
import io.polyshop.devstack.demo.CatalogSeeder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code ./polyshop bench inventory}: reservations per second and their latency through the
 * inventory service, for one hot SKU and for a spread of SKUs, next to DynamoDB Local's own
 * ceiling for bare conditional updates on the same machine; every run ends by checking that
 * nothing was oversold and that the ledger adds up.
 */
public final class InventoryBenchmark {

    private static final String USAGE =
            "usage: ./polyshop bench inventory [--clients N] [--seconds N] [--warmup N] [--skus N] [--drain N]";
    private static final String STOCK_TABLE = "inventory_stock";
    private static final String LEDGER_TABLE = "inventory_ledger";

    private final URI inventory;
    private final DynamoDbClient dynamo;
    private final int clients;
    private final Duration warmup;
    private final Duration measured;
    private final String admin;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final List<String> violations = new ArrayList<>();
    /** What the current phase holds; released after it, so no run leaves work for the expiry sweep. */
    private final java.util.Queue<String> held = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private InventoryBenchmark(
            URI inventory, DynamoDbClient dynamo, int clients, Duration warmup, Duration measured, String admin) {
        this.inventory = inventory;
        this.dynamo = dynamo;
        this.clients = clients;
        this.warmup = warmup;
        this.measured = measured;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE);
        int clients = options.number("clients", 32);
        int seconds = options.number("seconds", 30);
        int warmup = options.number("warmup", 10);
        int skus = options.number("skus", 10_000);
        int drain = options.number("drain", 500);

        Path root = Path.of(".").toAbsolutePath().normalize();
        RunningPlatform platform = RunningPlatform.read(root);
        String admin =
                JsonHttp.login(platform.url("identity"), CatalogSeeder.ADMIN_EMAIL, CatalogSeeder.ADMIN_PASSWORD);
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(platform.url("inventory-dynamodb"))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(clients * 2))
                .build()) {
            new InventoryBenchmark(
                            platform.url("inventory"),
                            dynamo,
                            clients,
                            Duration.ofSeconds(warmup),
                            Duration.ofSeconds(seconds),
                            admin)
                    .measure(root, skus, drain);
        }
    }

    private void measure(Path root, int skus, int drain) throws Exception {
        BenchReport report = new BenchReport("inventory", "Polyshop inventory benchmark");
        report.add(
                "%d clients, %d s warm-up then %d s measured per phase; service at %s (direct, not through the gateway)",
                clients, warmup.toSeconds(), measured.toSeconds(), inventory);

        say("polyshop bench: DynamoDB Local's ceiling: bare conditional updates on one item");
        Result hotCeiling = ceiling(1);
        say("polyshop bench: DynamoDB Local's ceiling: bare conditional updates spread over " + skus + " items");
        Result spreadCeiling = ceiling(skus);

        String hot = prefix() + "HOT";
        setStock(hot, 1_000_000_000L);
        say("polyshop bench: reservations of one hot SKU through the service");
        AtomicLong hotUnits = new AtomicLong();
        Result hotRun =
                LoadRun.run(clients, client -> reserving(hot, null, hotUnits), warmup, measured, Optional.empty());
        verify(hotUnits.get());
        releaseHeld();

        say("polyshop bench: stocking " + skus + " SKUs for the spread run");
        List<String> spread = new ArrayList<>(skus);
        for (int i = 0; i < skus; i++) {
            spread.add(prefix() + String.format(Locale.ROOT, "%06d", i));
        }
        long stocking = System.nanoTime();
        parallel(spread, sku -> setStock(sku, 1_000));
        double stockingSeconds = (System.nanoTime() - stocking) / 1e9;
        say("polyshop bench: reservations spread over " + skus + " SKUs through the service");
        AtomicLong spreadUnits = new AtomicLong();
        Result spreadRun = LoadRun.run(
                clients, client -> reserving(null, spread, spreadUnits), warmup, measured, Optional.empty());
        verify(spreadUnits.get());
        releaseHeld();

        String scarce = prefix() + "DRAIN";
        setStock(scarce, drain);
        say("polyshop bench: " + drain * 4 + " racing reservations for " + drain + " units");
        long drained = drain(scarce, drain * 4);
        if (drained != drain) {
            violations.add(scarce + ": " + drained + " reservations held for " + drain + " units");
        }
        verify(drained);
        releaseHeld();

        report.add(
                "engine ceiling (bare conditional UpdateItem on DynamoDB Local): one item %.0f/s (%s); %d items %.0f/s (%s)",
                hotCeiling.perSecond(),
                hotCeiling.all().summary(),
                skus,
                spreadCeiling.perSecond(),
                spreadCeiling.all().summary());
        double hotRatio = hotRun.perSecond() / hotCeiling.perSecond();
        report.add(
                "hot SKU: %.0f reservations/s = %.0f%% of the engine's one-item ceiling; %s; failed %d",
                hotRun.perSecond(), 100 * hotRatio, hotRun.all().summary(), hotRun.failures());
        report.add(
                "spread over %d SKUs: %.0f reservations/s = %.0f%% of the engine's spread ceiling; %s; failed %d",
                skus,
                spreadRun.perSecond(),
                100 * spreadRun.perSecond() / spreadCeiling.perSecond(),
                spreadRun.all().summary(),
                spreadRun.failures());
        report.add("(stocking %d SKUs through the admin API took %.0f s)", skus, stockingSeconds);
        report.add("drain: %d racing reservations of 1 unit for %d units: %d held", drain * 4, drain, drained);
        report.add(
                "no oversell (available >= 0, reserved = units held, ledger sums = stock, every SKU of the run): %s",
                violations.isEmpty() ? "holds" : "VIOLATED: " + String.join("; ", violations));
        report.add(
                "target: zero oversell %s; hot SKU >= 500/s or >= 50%% of the ceiling: %s",
                violations.isEmpty() ? "met" : "NOT met",
                hotRun.perSecond() >= 500 || hotRatio >= 0.5 ? "met" : "NOT met");
        report.add("concurrent reservations commit in groups: one TransactWriteItems with one conditional update"
                + " per SKU and each reservation's own items (docs/adr/0009)");
        report.write(root);
        if (!violations.isEmpty() || hotRun.failures() + spreadRun.failures() > 0) {
            System.exit(1);
        }
    }

    /** Bare conditional decrements straight against DynamoDB Local, in a table of their own. */
    private Result ceiling(int items) throws Exception {
        String table = "bench_ceiling_" + run.toLowerCase(Locale.ROOT) + "_" + items;
        dynamo.createTable(create -> create.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName("sku")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                        .attributeName("sku")
                        .attributeType(ScalarAttributeType.S)
                        .build()));
        try {
            parallel(
                    java.util.stream.IntStream.range(0, items)
                            .mapToObj(Integer::toString)
                            .toList(),
                    sku -> dynamo.putItem(put -> put.tableName(table)
                            .item(Map.of(
                                    "sku", AttributeValue.fromS(sku),
                                    "available", AttributeValue.fromN("1000000000")))));
            return LoadRun.run(
                    clients,
                    client -> random -> {
                        String sku = Integer.toString(random.nextInt(items));
                        dynamo.updateItem(update -> update.tableName(table)
                                .key(Map.of("sku", AttributeValue.fromS(sku)))
                                .updateExpression("SET available = available - :one")
                                .conditionExpression("available >= :one")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                        return Outcome.ok("update");
                    },
                    warmup,
                    measured,
                    Optional.empty());
        } finally {
            dynamo.deleteTable(delete -> delete.tableName(table));
        }
    }

    private LoadRun.Client reserving(String hot, List<String> spread, AtomicLong units) {
        JsonHttp http = new JsonHttp(admin);
        URI reservations = inventory.resolve("/api/v1/admin/reservations");
        return random -> {
            String sku = hot != null ? hot : spread.get(random.nextInt(spread.size()));
            int quantity = hot != null ? 1 : 1 + random.nextInt(3);
            String id = "bench-" + UUID.randomUUID();
            JsonHttp.Response response = http.send(
                    "POST",
                    reservations,
                    Map.of("reservationId", id, "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
            if (response.status() == 201) {
                units.addAndGet(quantity);
                held.add(id);
                return Outcome.ok("reserve");
            }
            return Outcome.failed("reserve");
        };
    }

    /** {@code attempts} one-unit reservations of {@code sku} from all clients at once; returns how many held. */
    private long drain(String sku, int attempts) throws Exception {
        AtomicLong holds = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Integer> tries =
                java.util.stream.IntStream.range(0, attempts).boxed().toList();
        JsonHttp http = new JsonHttp(admin);
        parallel(tries, attempt -> {
            try {
                String id = "bench-" + UUID.randomUUID();
                int status = http.send(
                                "POST",
                                inventory.resolve("/api/v1/admin/reservations"),
                                Map.of("reservationId", id, "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                        .status();
                if (status == 201) {
                    held.add(id);
                }
                (status == 201 ? holds : refused).incrementAndGet();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (holds.get() + refused.get() != attempts) {
            violations.add(
                    sku + ": " + (attempts - holds.get() - refused.get()) + " reservations neither held nor refused");
        }
        return holds.get();
    }

    /**
     * Reads every stock item and ledger entry of this run straight from DynamoDB (two scans) and
     * checks the invariants: available never negative and equal to on hand minus reserved, the
     * ledger summing to both, and the units reserved equal to what the service answered as held.
     */
    private void verify(long unitsHeld) {
        Map<String, long[]> ledger = new java.util.HashMap<>();
        scan(LEDGER_TABLE, entry -> {
            long[] sums = ledger.computeIfAbsent(entry.get("sku").s(), sku -> new long[2]);
            sums[0] += Long.parseLong(entry.get("onHandChange").n());
            sums[1] += Long.parseLong(entry.get("reservedChange").n());
        });
        long[] reserved = new long[1];
        List<String> found = new ArrayList<>();
        scan(STOCK_TABLE, item -> {
            String sku = item.get("sku").s();
            long onHand = Long.parseLong(item.get("onHand").n());
            long itemReserved = Long.parseLong(item.get("reserved").n());
            long available = Long.parseLong(item.get("available").n());
            reserved[0] += itemReserved;
            if (available < 0 || available != onHand - itemReserved) {
                found.add(sku + " holds onHand " + onHand + ", reserved " + itemReserved + ", available " + available);
            }
            long[] sums = ledger.getOrDefault(sku, new long[2]);
            if (sums[0] != onHand || sums[1] != itemReserved) {
                found.add(sku + ": the ledger sums to " + sums[0] + " on hand and " + sums[1] + " reserved");
            }
        });
        if (reserved[0] != unitsHeld) {
            found.add(reserved[0] + " units reserved but " + unitsHeld + " are held by the service's answers");
        }
        violations.addAll(found.stream().limit(5).toList());
    }

    /** Every item of {@code table} whose SKU belongs to this run. */
    private void scan(String table, java.util.function.Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            var page = dynamo.scan(scan -> scan.tableName(table)
                    .filterExpression("begins_with(sku, :run)")
                    .expressionAttributeValues(Map.of(":run", AttributeValue.fromS(prefix())))
                    .consistentRead(true)
                    .exclusiveStartKey(start));
            page.items().forEach(each);
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
    }

    private String prefix() {
        return "BENCH-" + run + "-";
    }

    /** Releases what the phase held, then checks that the SKUs hold nothing any more. */
    private void releaseHeld() throws Exception {
        List<String> ids = new ArrayList<>(held);
        held.clear();
        say("polyshop bench: releasing the " + ids.size() + " reservations it held");
        JsonHttp http = new JsonHttp(admin);
        parallel(
                ids,
                id -> http.required(
                        "POST",
                        inventory.resolve("/api/v1/admin/reservations/" + id + "/release"),
                        Map.of("reason", "benchmark over")));
        verify(0);
    }

    private void setStock(String sku, long onHand) {
        new JsonHttp(admin)
                .required(
                        "PUT",
                        inventory.resolve("/api/v1/admin/stock/" + sku),
                        Map.of("onHand", onHand, "reason", "benchmark stock"));
    }

    /** Runs {@code work} for every item on the benchmark's clients, and fails on the first failure. */
    private <T> void parallel(List<T> items, java.util.function.Consumer<T> work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> work.accept(item)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
