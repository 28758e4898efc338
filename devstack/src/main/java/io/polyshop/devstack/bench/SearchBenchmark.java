package io.polyshop.devstack.bench;

import io.polyshop.devstack.RunningPlatform;
import io.polyshop.devstack.bench.LoadRun.Outcome;
import io.polyshop.devstack.bench.LoadRun.Result;
import io.polyshop.devstack.demo.CatalogSeeder;
import io.polyshop.devstack.demo.DemoCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./polyshop bench search}: measures the running platform's search. First it makes the
 * catalog hold the target number of demo products (timing catalog import to searchable when it has
 * to add them), then it times a fresh probe batch from catalog write to searchable, then it runs
 * concurrent clients issuing a mix of full-text, filtered, faceted and sorted queries: once as fast
 * as they can (the most search does here) and once at a steady rate each (latency at a known load).
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TERMS = List.of(
            "laptop",
            "laptop 16 gb",
            "ryzen laptop",
            "labtop",
            "smartphone 256",
            "5g phone",
            "oled tv",
            "4k smart tv",
            "noise cancelling headphones",
            "hedphones",
            "wireless headphones",
            "running shoe",
            "trail running shoe",
            "merino t-shirt",
            "linen shirt",
            "espresso",
            "coffee maker",
            "office chair mesh",
            "ergonomic chair",
            "novel",
            "summer garden",
            "board game",
            "space board game",
            "nova",
            "aero",
            "pulse",
            "vertex",
            "halo");
    private static final List<String> CATEGORIES = List.of(
            "electronics",
            "clothing",
            "home",
            "leisure",
            "laptops",
            "smartphones",
            "headphones",
            "televisions",
            "t-shirts",
            "running-shoes",
            "coffee-makers",
            "office-chairs",
            "books",
            "board-games");
    private static final List<String> ATTRIBUTES = List.of(
            "attr.ramGb=16",
            "attr.panel=OLED",
            "attr.terrain=trail",
            "attr.material=mesh",
            "attr.format=hardcover",
            "attr.colour=black",
            "attr.wireless=true",
            "attr.brewType=espresso");
    private static final List<String> SORTS = List.of("relevance", "relevance", "price_asc", "price_desc", "newest");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(
                args,
                "usage: ./polyshop bench search [--products N] [--clients N] [--seconds N] [--warmup N] [--probe N]"
                        + " [--rate searches/s per client]");
        int products = options.number("products", 100_000);
        int clients = options.number("clients", 32);
        int seconds = options.number("seconds", 60);
        int warmup = options.number("warmup", 15);
        int probe = options.number("probe", 5000);
        int rate = options.number("rate", 1);

        Path root = Path.of(".").toAbsolutePath().normalize();
        RunningPlatform platform = RunningPlatform.read(root);
        URI search = platform.url("search");
        CatalogSeeder seeder =
                new CatalogSeeder(platform.url("identity"), platform.url("catalog"), line -> say("  " + line));
        BenchReport report = new BenchReport("search", "Polyshop search benchmark");
        report.add("search at %s (direct, not through the gateway)", search);

        long visible = seeder.visibleProducts();
        if (visible < products) {
            say("polyshop bench: the catalog shows " + visible + " products; seeding up to " + products
                    + " (takes a while the first time)");
            long started = System.nanoTime();
            CatalogSeeder.Report seeded = seeder.seed(products);
            // What the catalog shows now (archived demo products do not come back) is what search must show.
            awaitSearchable(search, "", seeder.visibleProducts(), Duration.ofMinutes(60));
            double took = (System.nanoTime() - started) / 1e9;
            report.add(
                    "seeding: %d products added, import to searchable in %.1f s = %.0f products/s",
                    seeded.created(), took, seeded.created() / took);
        }
        long indexed = totalHits(search, "");
        report.add("catalog: %d searchable products", indexed);

        if (probe > 0) {
            String marker = "probe"
                    + new SplittableRandom()
                            .ints(8, 'a', 'z' + 1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            say("polyshop bench: timing " + probe + " new products from catalog write to searchable (" + marker + ")");
            double indexing = probeIndexing(seeder, search, marker, probe);
            report.add(
                    "indexing: %d new products from catalog import to searchable in %.1f s = %.0f products/s",
                    probe, probe / indexing, indexing);
        }

        URI openSearch = platform.url("search-opensearch");
        say("polyshop bench: " + clients + " clients as fast as they can, " + warmup + " s warm-up, then " + seconds
                + " s measured");
        RequestCache beforeFlat = RequestCache.read(openSearch);
        Result flat = LoadRun.run(
                clients,
                client -> searching(search),
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(seconds),
                Optional.empty());
        describe(report, "as fast as they can", clients, seconds, flat);
        report.add("  %s", RequestCache.read(openSearch).since(beforeFlat));

        say("polyshop bench: " + clients + " clients at " + rate + " searches/s each");
        RequestCache beforePaced = RequestCache.read(openSearch);
        Result paced = LoadRun.run(
                clients,
                client -> searching(search),
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(seconds),
                Optional.of(Duration.ofNanos(1_000_000_000L / rate)));
        describe(report, rate + " searches/s each (" + rate * clients + "/s in all)", clients, seconds, paced);
        report.add("  %s", RequestCache.read(openSearch).since(beforePaced));
        report.add(
                "query mix: full text (incl. typos) 70%%, category browse 30%%; 40%% with a brand or attribute filter,"
                        + " 25%% with a price range; sorts relevance/price/newest; pages 0-2 of 20; every answer carries facets");
        report.add(
                "target p95 <= 50 ms: %s at %d searches/s; %s as fast as they can (%.0f searches/s)",
                paced.all().percentile(95) <= 50 ? "met" : "NOT met",
                rate * clients,
                flat.all().percentile(95) <= 50 ? "met" : "NOT met",
                flat.perSecond());
        report.write(root);
        if (flat.failures() + paced.failures() > 0) {
            System.exit(1);
        }
    }

    private static void describe(BenchReport report, String load, int clients, int seconds, Result result) {
        report.add(
                "%s: %d clients, %d s: %d searches, %.0f searches/s, %s, errors %d",
                load,
                clients,
                seconds,
                result.all().count(),
                result.perSecond(),
                result.all().summary(),
                result.failures());
    }

    /** Imports {@code count} new products whose names carry {@code marker}, timing until search finds them all, then withdraws them. */
    private static double probeIndexing(CatalogSeeder seeder, URI search, String marker, int count) {
        long started = System.nanoTime();
        seeder.importLines(IntStream.range(0, count).mapToObj(i -> probeProduct(marker, i, "ACTIVE")));
        awaitSearchable(search, "q=" + marker, count, Duration.ofMinutes(10));
        double rate = count / ((System.nanoTime() - started) / 1e9);
        seeder.importLines(
                IntStream.range(0, count).mapToObj(i -> Map.of("sku", probeSku(marker, i), "status", "ARCHIVED")));
        awaitWithdrawn(search, "q=" + marker, Duration.ofMinutes(10));
        return rate;
    }

    private static Map<String, Object> probeProduct(String marker, int i, String status) {
        Map<String, Object> product = new java.util.LinkedHashMap<>(DemoCatalog.product(i, true));
        product.put("sku", probeSku(marker, i));
        product.put("slug", product.get("slug") + "-" + marker);
        product.put("name", product.get("name") + " " + marker);
        product.put("variants", List.of());
        product.put("status", status);
        return product;
    }

    private static String probeSku(String marker, int i) {
        return "BENCH-" + marker.toUpperCase(Locale.ROOT) + "-" + i;
    }

    private static void awaitSearchable(URI search, String query, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long hits = totalHits(search, query);
            if (hits >= expected) {
                return;
            }
            if (hits != last) {
                say("  searchable: " + hits + " of " + expected);
                last = hits;
            }
            sleep(250);
        }
        throw new IllegalStateException("search did not reach " + expected + " products within " + timeout);
    }

    /** The query load runs on a settled index: the probe's withdrawals have all been applied. */
    private static void awaitWithdrawn(URI search, String query, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (totalHits(search, query) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search still shows the probe products after " + timeout);
            }
            sleep(250);
        }
    }

    private static long totalHits(URI search, String query) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(search.resolve("/api/v1/search/products?size=1&" + query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("totalHits").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * OpenSearch's request cache counts, summed over its nodes: each search makes two lookups (its
     * page of hits and its facets), and the report says how many the cache answered.
     */
    private record RequestCache(long hits, long misses) {

        static RequestCache read(URI openSearch) {
            JsonNode nodes = new JsonHttp(null)
                    .required("GET", openSearch.resolve("/_nodes/stats/indices/request_cache"), null)
                    .get("nodes");
            long hits = 0;
            long misses = 0;
            for (JsonNode node : nodes.values()) {
                JsonNode cache = node.at("/indices/request_cache");
                hits += cache.get("hit_count").asLong();
                misses += cache.get("miss_count").asLong();
            }
            return new RequestCache(hits, misses);
        }

        String since(RequestCache before) {
            long answered = hits - before.hits;
            long lookups = answered + misses - before.misses;
            return String.format(
                    Locale.ROOT,
                    "OpenSearch request cache, warm-up included: %d of %d lookups answered (%.0f%%)",
                    answered,
                    lookups,
                    lookups == 0 ? 0.0 : 100.0 * answered / lookups);
        }
    }

    private static LoadRun.Client searching(URI search) {
        JsonHttp http = new JsonHttp(null);
        return random -> {
            JsonHttp.Response response =
                    http.send("GET", search.resolve("/api/v1/search/products?" + query(random)), null);
            return response.status() == 200 ? Outcome.ok("search") : Outcome.failed("search");
        };
    }

    /** One shopper's query: mostly text, sometimes browsing, with filters, sorts and pages. */
    static String query(SplittableRandom random) {
        List<String> parts = new ArrayList<>();
        if (random.nextInt(10) < 7) {
            parts.add("q=" + URLEncoder.encode(TERMS.get(random.nextInt(TERMS.size())), StandardCharsets.UTF_8));
        } else {
            parts.add("category=" + CATEGORIES.get(random.nextInt(CATEGORIES.size())));
        }
        int filter = random.nextInt(10);
        if (filter < 2) {
            parts.add("brand="
                    + DemoCatalog.brands()
                            .get(random.nextInt(DemoCatalog.brands().size()))
                            .id());
        } else if (filter < 4) {
            parts.add(ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size())));
        }
        if (random.nextInt(4) == 0) {
            int low = random.nextInt(10) * 50;
            parts.add("minPrice=" + low + "&maxPrice=" + (low + 100 + random.nextInt(900)));
        }
        parts.add("sort=" + SORTS.get(random.nextInt(SORTS.size())));
        parts.add("page=" + (random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)));
        return parts.stream().collect(Collectors.joining("&"));
    }

    private static void say(String line) {
        System.out.println(line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
