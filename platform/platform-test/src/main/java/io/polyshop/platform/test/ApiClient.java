package io.polyshop.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks to a running service over real HTTP as its clients do: {@code new ApiClient(port).as(token).post(...)}.
 * Responses keep status, headers and body; {@link Response#json()} parses the body.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Map<String, String> headers;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, Map.of());
    }

    /** A client for anything else that speaks HTTP, an engine's REST API for instance. */
    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, Map.of());
    }

    private ApiClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public ApiClient as(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public ApiClient with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new ApiClient(base, more);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A POST with no body, for commands the path says all of. */
    public Response post(String path) {
        return send("POST", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, body(json), "application/json");
    }

    public Response put(String path, Object json) {
        return send("PUT", path, body(json), "application/json");
    }

    /** {@code json} may be a String (sent as is, valid or not) or anything Jackson writes. */
    private static String body(Object json) {
        return json == null ? null : json instanceof String text ? text : JSON.writeValueAsString(json);
    }

    public Response send(String method, String path, String body, String contentType) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        sent.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer =
                    new Response(response.statusCode(), response.headers().map(), response.body());
            ApiConformance.exchanged(uri, method, sent, body, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
