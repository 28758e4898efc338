package io.polyshop.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks to a running identity service over real HTTP, as clients do. */
final class IdentityClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private final String forwardedFor;

    IdentityClient(int port) {
        this(port, null);
    }

    private IdentityClient(int port, String forwardedFor) {
        this.port = port;
        this.forwardedFor = forwardedFor;
    }

    /** The same service, reached through the gateway by the client at {@code clientAddress}. */
    IdentityClient from(String clientAddress) {
        return new IdentityClient(port, clientAddress);
    }

    HttpResponse<String> register(String email, String password, String displayName) {
        return send(
                "POST",
                "/api/v1/identity/users",
                null,
                json.createObjectNode()
                        .put("email", email)
                        .put("password", password)
                        .put("displayName", displayName)
                        .toString());
    }

    HttpResponse<String> logIn(String email, String password) {
        return send(
                "POST",
                "/api/v1/identity/tokens",
                null,
                json.createObjectNode()
                        .put("email", email)
                        .put("password", password)
                        .toString());
    }

    HttpResponse<String> refresh(String refreshToken) {
        return send(
                "POST",
                "/api/v1/identity/tokens/refresh",
                null,
                json.createObjectNode().put("refreshToken", refreshToken).toString());
    }

    HttpResponse<String> revoke(String refreshToken) {
        return send(
                "POST",
                "/api/v1/identity/tokens/revoke",
                null,
                json.createObjectNode().put("refreshToken", refreshToken).toString());
    }

    HttpResponse<String> send(String method, String path, String accessToken, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Logs in and returns the access and refresh tokens. */
    String[] tokens(String email, String password) {
        var response = logIn(email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = json(response);
        return new String[] {
            body.get("accessToken").asString(), body.get("refreshToken").asString()
        };
    }
}
