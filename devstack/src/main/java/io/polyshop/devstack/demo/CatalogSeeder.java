package io.polyshop.devstack.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalog into a running platform the way an operator would: it logs in as the demo
 * administrator, defines categories and brands, and streams products as NDJSON into catalog's
 * import, which publishes them; search indexes them from the events.
 */
public final class CatalogSeeder {

    public static final String ADMIN_EMAIL = "admin@polyshop.local";
    public static final String ADMIN_PASSWORD = "store-keeper-2026";
    private static final String[] DEPARTMENTS = {"electronics", "clothing", "home", "leisure"};

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI identity;
    private final URI catalog;
    private final Consumer<String> progress;

    public CatalogSeeder(URI identity, URI catalog, Consumer<String> progress) {
        this.identity = identity;
        this.catalog = catalog;
        this.progress = progress;
    }

    /** What an import reported. */
    public record Report(long lines, long created, long updated, long unchanged, long rejected, JsonNode rejections) {}

    /** Signs the demo admin in; each import asks anew, because a long seeding outlives an access token. */
    private String adminToken() {
        JsonNode tokens = send(
                "POST",
                identity.resolve("/api/v1/identity/tokens"),
                null,
                "application/json",
                HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))));
        return tokens.get("accessToken").asString();
    }

    /** Published products shoppers can see now, counted per department. */
    public long visibleProducts() {
        long total = 0;
        for (String department : DEPARTMENTS) {
            HttpResponse<String> response = raw(
                    "GET",
                    catalog.resolve("/api/v1/products?size=1&category=" + department),
                    null,
                    null,
                    HttpRequest.BodyPublishers.noBody());
            if (response.statusCode() == 200) {
                total += json.readTree(response.body()).get("totalItems").asLong();
            }
        }
        return total;
    }

    /**
     * Makes demo products 0 to {@code products - 1} exist and current, and withdraws every published
     * demo product numbered {@code products} or higher; other products are left alone.
     */
    public Report seed(int products) {
        String token = adminToken();
        for (DemoCatalog.CategoryDefinition category : DemoCatalog.categories()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", category.name());
            body.put("parentId", category.parentId());
            body.put("attributes", category.attributes());
            put(token, "/api/v1/admin/categories/" + category.id(), body);
        }
        for (DemoCatalog.BrandDefinition brand : DemoCatalog.brands()) {
            put(token, "/api/v1/admin/brands/" + brand.id(), Map.of("name", brand.name()));
        }
        progress.accept("defined " + DemoCatalog.categories().size() + " categories and "
                + DemoCatalog.brands().size() + " brands");
        List<String> surplus = visibleProducts() > products ? demoSkusFrom(products) : List.of();
        int total = products + surplus.size();
        Iterator<Map<String, Object>> lines = Stream.concat(
                        IntStream.range(0, products).mapToObj(index -> DemoCatalog.product(index, true)),
                        surplus.stream().map(sku -> Map.<String, Object>of("sku", sku, "status", "ARCHIVED")))
                .iterator();
        return report(send(
                "POST",
                catalog.resolve("/api/v1/admin/product-imports"),
                token,
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(lines, total))));
    }

    /** The SKUs of published demo products numbered {@code first} or higher, read page by page from the catalog. */
    private List<String> demoSkusFrom(int first) {
        List<String> skus = new ArrayList<>();
        String after = null;
        while (true) {
            HttpResponse<String> response = raw(
                    "GET",
                    catalog.resolve("/api/v1/product-snapshots?limit=1000" + (after == null ? "" : "&after=" + after)),
                    null,
                    null,
                    HttpRequest.BodyPublishers.noBody());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("catalog answered " + response.statusCode() + " listing products");
            }
            List<JsonNode> page = json.readTree(response.body()).valueStream().toList();
            for (JsonNode product : page) {
                String sku = product.get("sku").asString();
                if (DemoCatalog.index(sku) >= first) {
                    skus.add(sku);
                }
            }
            if (page.size() < 1000) {
                return skus;
            }
            after = page.getLast().get("productId").asString();
        }
    }

    /** Streams arbitrary import lines (each a JSON object) into catalog's import. */
    public Report importLines(Stream<Map<String, Object>> lines) {
        String token = adminToken();
        Iterator<Map<String, Object>> iterator = lines.iterator();
        return report(send(
                "POST",
                catalog.resolve("/api/v1/admin/product-imports"),
                token,
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(iterator, -1))));
    }

    private static Report report(JsonNode report) {
        return new Report(
                report.get("lines").asLong(),
                report.get("created").asLong(),
                report.get("updated").asLong(),
                report.get("unchanged").asLong(),
                report.get("rejected").asLong(),
                report.get("rejections"));
    }

    private void put(String token, String path, Object body) {
        send(
                "PUT",
                catalog.resolve(path),
                token,
                "application/json",
                HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private JsonNode send(String method, URI uri, String token, String contentType, HttpRequest.BodyPublisher body) {
        HttpResponse<String> response = raw(method, uri, token, contentType, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> raw(
            String method, URI uri, String token, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).method(method, body).timeout(Duration.ofHours(1));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An import body generated as it is sent, one JSON line at a time; progress every tenth of {@code total}. */
    private final class Lines extends InputStream {

        private final Iterator<Map<String, Object>> lines;
        private final int total;
        private int sent;
        private InputStream current = InputStream.nullInputStream();

        Lines(Iterator<Map<String, Object>> lines, int total) {
            this.lines = lines;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                int n = current.read(buffer, offset, length);
                if (n > 0) {
                    return n;
                }
                if (!lines.hasNext()) {
                    return -1;
                }
                current = new ByteArrayInputStream(
                        (json.writeValueAsString(lines.next()) + "\n").getBytes(StandardCharsets.UTF_8));
                sent++;
                if (total > 0 && sent % Math.max(1, total / 10) == 0) {
                    progress.accept("sent " + sent + " of " + total + " lines");
                }
            }
        }
    }
}
