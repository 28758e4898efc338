package io.polyshop.platform.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The requests a service lets through without a token. Everything else needs one. A service
 * declares them as a bean: {@code PublicEndpoints.of("GET /api/v1/products/**")}.
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

    /** One method and Ant-style path pattern. */
    public record Endpoint(HttpMethod method, String pattern) {}

    /** Each entry is {@code "METHOD /path/pattern"}. */
    public static PublicEndpoints of(String... entries) {
        return new PublicEndpoints(
                Arrays.stream(entries).map(PublicEndpoints::parse).toList());
    }

    private static Endpoint parse(String entry) {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("A public endpoint is 'METHOD /path', not '" + entry + "'");
        }
        return new Endpoint(HttpMethod.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), parts[1]);
    }
}
