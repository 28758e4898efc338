package io.polyshop.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code polyshop.gateway}; the devstack fills {@code routes} from the service
 * descriptors.
 *
 * @param routes each service's base URI and the paths that go to it
 * @param publicEndpoints {@code "METHOD /path/**"} entries reachable without a token
 * @param maxRequestSize the largest request body forwarded; larger ones get 413
 * @param internalHeaderPrefixes inbound headers with these prefixes are removed before routing
 * @param allowedOrigins browser origins allowed by CORS
 * @param perClient requests per second (and burst) for one client address
 * @param perUser requests per second (and burst) for one authenticated user
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway, whose
 *     {@code X-Forwarded-For} names the client; none by default, so the peer is the client
 */
@ConfigurationProperties("polyshop.gateway")
public record GatewaySettings(
        Map<String, Route> routes,
        List<String> publicEndpoints,
        DataSize maxRequestSize,
        List<String> internalHeaderPrefixes,
        List<String> allowedOrigins,
        RateLimit perClient,
        RateLimit perUser,
        List<String> trustedProxies) {

    public GatewaySettings {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        publicEndpoints = publicEndpoints == null ? List.of() : List.copyOf(publicEndpoints);
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        internalHeaderPrefixes = internalHeaderPrefixes == null
                ? List.of("X-Internal-", "X-Polyshop-")
                : List.copyOf(internalHeaderPrefixes);
        allowedOrigins = allowedOrigins == null ? List.of("http://localhost:3000") : List.copyOf(allowedOrigins);
        perClient = perClient == null ? new RateLimit(50, 100) : perClient;
        perUser = perUser == null ? new RateLimit(20, 40) : perUser;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** Where one service lives and which request paths are its. */
    public record Route(String uri, List<String> paths) {

        public Route {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    /** A token bucket: {@code replenishRate} tokens a second, at most {@code burstCapacity} at once. */
    public record RateLimit(int replenishRate, int burstCapacity) {}
}
