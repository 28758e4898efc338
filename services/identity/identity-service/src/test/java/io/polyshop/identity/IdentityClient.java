package io.polyshop.identity;

import io.polyshop.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks to a running identity service over real HTTP, as clients do. */
final class IdentityClient {

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

    ApiClient.Response register(String email, String password, String displayName) {
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

    ApiClient.Response logIn(String email, String password) {
        return send(
                "POST",
                "/api/v1/identity/tokens",
                null,
                json.createObjectNode()
                        .put("email", email)
                        .put("password", password)
                        .toString());
    }

    ApiClient.Response refresh(String refreshToken) {
        return send(
                "POST",
                "/api/v1/identity/tokens/refresh",
                null,
                json.createObjectNode().put("refreshToken", refreshToken).toString());
    }

    ApiClient.Response revoke(String refreshToken) {
        return send(
                "POST",
                "/api/v1/identity/tokens/revoke",
                null,
                json.createObjectNode().put("refreshToken", refreshToken).toString());
    }

    ApiClient.Response send(String method, String path, String accessToken, String body) {
        ApiClient client = new ApiClient(port);
        if (accessToken != null) {
            client = client.as(accessToken);
        }
        if (forwardedFor != null) {
            client = client.with("X-Forwarded-For", forwardedFor);
        }
        return client.send(method, path, body, body == null ? null : "application/json");
    }

    /** Logs in and returns the access and refresh tokens. */
    String[] tokens(String email, String password) {
        var response = logIn(email, password);
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response.status() + " " + response.body());
        }
        JsonNode body = response.json();
        return new String[] {
            body.get("accessToken").asString(), body.get("refreshToken").asString()
        };
    }
}
