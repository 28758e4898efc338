package io.polyshop.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP/1.1 for one benchmark client, with an optional bearer token. */
public final class JsonHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than any request of a healthy platform takes; a request past it failed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One client (one selector thread, a pool of connections) for every simulated user: the load stays on the server. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String token;

    public JsonHttp(String token) {
        this.token = token;
    }

    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response send(String method, URI uri, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    public Response send(String method, URI uri, Object body) throws IOException, InterruptedException {
        return send(method, uri, body, Map.of());
    }

    /** A request the benchmark cannot go on without: anything but 2xx stops it with the answer. */
    public JsonNode required(String method, URI uri, Object body) {
        try {
            Response response = send(method, uri, body);
            if (response.status() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + uri + " answered " + response.status() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : response.json();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers the account unless it exists, and signs it in; answers its access token. */
    public static String signUp(URI identity, String email, String password, String displayName) {
        try {
            Response registered = new JsonHttp(null)
                    .send(
                            "POST",
                            identity.resolve("/api/v1/identity/users"),
                            Map.of("email", email, "password", password, "displayName", displayName));
            if (registered.status() != 201 && registered.status() != 409) {
                throw new IllegalStateException(
                        "registering " + email + " answered " + registered.status() + ": " + registered.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("identity did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return login(identity, email, password);
    }

    public static String login(URI identity, String email, String password) {
        return new JsonHttp(null)
                .required(
                        "POST",
                        identity.resolve("/api/v1/identity/tokens"),
                        Map.of("email", email, "password", password))
                .get("accessToken")
                .asString();
    }
}
