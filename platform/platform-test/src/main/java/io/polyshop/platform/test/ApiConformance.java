package io.polyshop.platform.test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Holds a running service to its own OpenAPI document: once {@link #watch(int)} is called for its
 * port, every exchange an {@link ApiClient} has with it is checked — the answer always (a documented
 * status, a body of the documented schema and media type), the request when it was accepted (2xx).
 * A test then asserts {@link #violations()} is empty, so a payload that drifts from its schema fails
 * the build.
 */
public final class ApiConformance {

    private static final Map<Integer, ApiConformance> WATCHED = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger exchanges = new AtomicInteger();

    /** Each documented operation as METHOD and a pattern of its path, to count which ones a test reached. */
    private final Map<String, Pattern> operations = new LinkedHashMap<>();

    private final Set<String> reached = ConcurrentHashMap.newKeySet();

    private ApiConformance(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // The document names the gateway as its server; the tests talk to the service itself.
                .withBasePathOverride("/")
                .build();
        ApiClient.json()
                .readTree(document)
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(method ->
                                Set.of("get", "put", "post", "delete", "patch").contains(method))
                        .forEach(method -> operations.put(
                                method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                Pattern.compile(path.getKey().replaceAll("\\{[^/}]+}", "[^/]+")))));
    }

    /** Checks every exchange with the service on {@code port} from now on, against its {@code /v3/api-docs}. */
    public static ApiConformance watch(int port) {
        return WATCHED.computeIfAbsent(port, unwatched -> {
            ApiClient.Response document = new ApiClient(port).send("GET", "/v3/api-docs", null, null);
            if (document.status() != 200) {
                throw new IllegalStateException("no OpenAPI document on port " + port + ": " + document);
            }
            keepForReaders(document.body());
            return new ApiConformance(document.body());
        });
    }

    /** The document the tests held the service to, beside the build's other reports. */
    private static void keepForReaders(String document) {
        Path reports = Path.of("target");
        if (Files.isDirectory(reports)) {
            try {
                Files.writeString(reports.resolve("api-document.json"), document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void exchanged(
            URI uri, String method, Map<String, String> headers, String body, ApiClient.Response response) {
        ApiConformance watching = WATCHED.get(uri.getPort());
        if (watching != null
                && !uri.getPath().startsWith("/v3/api-docs")
                && !uri.getPath().startsWith("/actuator")) {
            watching.check(uri, method, headers, body, response);
        }
    }

    private void check(URI uri, String method, Map<String, String> headers, String body, ApiClient.Response answer) {
        exchanges.incrementAndGet();
        operations.forEach((operation, path) -> {
            if (operation.startsWith(method + " ")
                    && path.matcher(uri.getPath()).matches()) {
                reached.add(operation);
            }
        });
        Request.Method verb = Request.Method.valueOf(method);
        SimpleResponse.Builder response =
                SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.headers().forEach((name, values) -> response.withHeader(name, values));
        report(
                method + " " + uri.getPath() + " -> " + answer.status(),
                validator.validateResponse(uri.getPath(), verb, response.build()));
        if (answer.status() / 100 == 2) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath()).withBody(body);
            headers.forEach(request::withHeader);
            queryOf(uri).forEach(pair -> request.withQueryParam(pair[0], pair[1]));
            report(method + " " + uri.getPath() + " (request)", validator.validateRequest(request.build()));
        }
    }

    /** The query's parameters, decoded, as name and value pairs in their order (a name may repeat). */
    private static List<String[]> queryOf(URI uri) {
        if (uri.getRawQuery() == null) {
            return List.of();
        }
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(parameter -> parameter.split("=", 2))
                .map(pair -> new String[] {decoded(pair[0]), pair.length == 2 ? decoded(pair[1]) : ""})
                .toList();
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private void report(String exchange, ValidationReport report) {
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> violations.add(exchange + ": " + message.getKey() + " " + message.getMessage()));
    }

    /** What broke the document so far, one line each; distinct. */
    public List<String> violations() {
        return new ArrayList<>(violations.stream().distinct().toList());
    }

    /** "n of m operations, k exchanges": how much of the document the tests held the service to. */
    public String coverage() {
        return reached.size() + " of " + operations.size() + " operations, " + exchanges.get() + " exchanges";
    }

    /** How many exchanges were checked, so that a test can tell it checked something. */
    public int exchanges() {
        return exchanges.get();
    }
}
