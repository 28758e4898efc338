package io.polyshop.devstack.bench;

import io.polyshop.devstack.RunningPlatform;
import io.polyshop.devstack.bench.LoadRun.Outcome;
import io.polyshop.devstack.bench.LoadRun.Result;
import io.polyshop.devstack.demo.DemoCatalog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./polyshop bench cart}: latency of cart operations (look, add, change quantity, remove)
 * with many shoppers at once, each signed in and working on their own cart of demo products.
 * It runs twice: as fast as the shoppers can go (the most the service can do here), and with each
 * shopper making a steady number of requests per second (latency at a known load).
 */
public final class CartBenchmark {

    private static final String USAGE =
            "usage: ./polyshop bench cart [--clients N] [--seconds N] [--warmup N] [--rate requests/s per client]";
    private static final String PASSWORD = "polyshop-bench-2026";
    private static final int PRODUCTS_PER_SHOPPER = 20;

    private CartBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE);
        int clients = options.number("clients", 64);
        int seconds = options.number("seconds", 30);
        // On two cores the service needs about a minute of traffic before its JIT has compiled the hot paths.
        int warmup = options.number("warmup", 60);
        int rate = options.number("rate", 5);

        Path root = Path.of(".").toAbsolutePath().normalize();
        RunningPlatform platform = RunningPlatform.read(root);
        URI cart = platform.url("cart");
        URI identity = platform.url("identity");
        say("polyshop bench: signing in " + clients + " bench shoppers");
        List<Shopper> shoppers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            shoppers.add(Shopper.signIn(identity, cart, c));
        }
        shoppers.getFirst().requireDemoCatalog();

        BenchReport report = new BenchReport("cart", "Polyshop cart benchmark");
        report.add(
                "%d shoppers, each signed in with their own cart; %d s warm-up then %d s measured; cart at %s"
                        + " (direct, not through the gateway)",
                clients, warmup, seconds, cart);
        report.add("mix: 30%% look at the cart, 40%% add a product, 20%% change a quantity, 10%% remove a line");

        say("polyshop bench: " + clients + " shoppers as fast as they can go");
        Result flat = LoadRun.run(
                clients,
                c -> shoppers.get(c)::next,
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(seconds),
                Optional.empty());
        describe(report, "as fast as they can", flat);

        say("polyshop bench: " + clients + " shoppers at " + rate + " requests/s each");
        Result paced = LoadRun.run(
                clients,
                c -> shoppers.get(c)::next,
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(seconds),
                Optional.of(Duration.ofNanos(1_000_000_000L / rate)));
        describe(report, rate + " requests/s each (" + rate * clients + "/s in all)", paced);

        report.add(
                "target p99 <= 10 ms: %s at %d requests/s; %s as fast as they can (%.0f requests/s)",
                paced.all().percentile(99) <= 10 ? "met" : "NOT met",
                rate * clients,
                flat.all().percentile(99) <= 10 ? "met" : "NOT met",
                flat.perSecond());
        report.write(root);
        if (flat.failures() + paced.failures() > 0) {
            System.exit(1);
        }
    }

    private static void describe(BenchReport report, String load, Result result) {
        report.add(
                "%s: %.0f requests/s, %s, failed %d",
                load, result.perSecond(), result.all().summary(), result.failures());
        result.byKind().forEach((kind, latencies) -> report.add("  %-8s %s", kind, latencies.summary()));
    }

    /** One signed-in shopper, working on their own cart with a few demo products. */
    private static final class Shopper {

        private final JsonHttp http;
        private final URI cart;
        private final List<String> products;
        private final Map<String, Integer> lines = new LinkedHashMap<>();

        private Shopper(JsonHttp http, URI cart, List<String> products) {
            this.http = http;
            this.cart = cart;
            this.products = products;
        }

        static Shopper signIn(URI identity, URI cartService, int number) {
            String email = "cart-bench-" + number + "@polyshop.local";
            JsonHttp http = new JsonHttp(JsonHttp.signUp(identity, email, PASSWORD, "Bench shopper " + number));
            List<String> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS_PER_SHOPPER; i++) {
                products.add(DemoCatalog.product(number * PRODUCTS_PER_SHOPPER + i, true)
                        .get("sku")
                        .toString());
            }
            Shopper shopper = new Shopper(http, cartService.resolve("/api/v1/customers/me/cart"), products);
            shopper.emptyCart();
            return shopper;
        }

        void requireDemoCatalog() {
            try {
                JsonHttp.Response added = http.send(
                        "POST", URI.create(cart + "/lines"), Map.of("sku", products.getFirst(), "quantity", 1));
                if (added.status() != 200) {
                    throw new IllegalStateException("the cart does not know demo product " + products.getFirst() + " ("
                            + added.body() + "); load the demo catalog with ./polyshop seed");
                }
                lines.put(products.getFirst(), 1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void emptyCart() {
            JsonNode current = http.required("GET", cart, null);
            for (JsonNode line : current.get("lines")) {
                http.required(
                        "DELETE", URI.create(cart + "/lines/" + line.get("sku").asString()), null);
            }
        }

        Outcome next(SplittableRandom random) throws IOException, InterruptedException {
            int pick = random.nextInt(10);
            if (pick < 3) {
                return outcome("look", http.send("GET", cart, null));
            }
            if (pick < 7 || lines.isEmpty()) {
                String sku = products.get(random.nextInt(products.size()));
                if (lines.getOrDefault(sku, 0) >= 90) {
                    return change(sku, 1);
                }
                Outcome added = outcome(
                        "add", http.send("POST", URI.create(cart + "/lines"), Map.of("sku", sku, "quantity", 1)));
                if (!added.failed()) {
                    lines.merge(sku, 1, Integer::sum);
                }
                return added;
            }
            String sku = new ArrayList<>(lines.keySet()).get(random.nextInt(lines.size()));
            if (pick < 9) {
                return change(sku, 1 + random.nextInt(5));
            }
            Outcome removed = outcome("remove", http.send("DELETE", URI.create(cart + "/lines/" + sku), null));
            if (!removed.failed()) {
                lines.remove(sku);
            }
            return removed;
        }

        private Outcome change(String sku, int quantity) throws IOException, InterruptedException {
            Outcome changed = outcome(
                    "change", http.send("PUT", URI.create(cart + "/lines/" + sku), Map.of("quantity", quantity)));
            if (!changed.failed()) {
                lines.put(sku, quantity);
            }
            return changed;
        }

        private static Outcome outcome(String kind, JsonHttp.Response response) {
            return response.status() == 200 ? Outcome.ok(kind) : Outcome.failed(kind);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
