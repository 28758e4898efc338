package io.polyshop.gateway;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * One route per service from {@link GatewaySettings#routes()}, each behind two Redis token buckets:
 * one per client address (see {@link ClientAddresses}), one per authenticated user.
 */
@Configuration
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayRoutes {

    @Bean
    RouteLocator serviceRoutes(
            RouteLocatorBuilder builder,
            GatewaySettings settings,
            @Qualifier("perClientLimiter") RedisRateLimiter perClientLimiter,
            @Qualifier("perUserLimiter") RedisRateLimiter perUserLimiter,
            @Qualifier("clientAddress") KeyResolver clientAddress,
            @Qualifier("authenticatedUser") KeyResolver authenticatedUser) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        settings.routes()
                .forEach((service, route) -> routes.route(
                        service,
                        spec -> spec.path(route.paths().toArray(String[]::new))
                                .filters(filters -> filters.requestRateLimiter(
                                                limit -> limit.setRateLimiter(perClientLimiter)
                                                        .setKeyResolver(clientAddress))
                                        .requestRateLimiter(limit -> limit.setRateLimiter(perUserLimiter)
                                                .setKeyResolver(authenticatedUser)
                                                .setDenyEmptyKey(false)))
                                .uri(route.uri())));
        settings.routes()
                .forEach((service, route) -> routes.route(
                        "api-docs-" + service,
                        spec -> spec.path(ApiDocs.PATH_PREFIX + service)
                                .filters(filters -> filters.setPath("/v3/api-docs"))
                                .uri(route.uri())));
        return routes.build();
    }

    /** Primary: the gateway's filter factory needs one default limiter and key resolver. */
    @Bean
    @Primary
    RedisRateLimiter perClientLimiter(GatewaySettings settings) {
        return new RedisRateLimiter(
                settings.perClient().replenishRate(), settings.perClient().burstCapacity());
    }

    @Bean
    RedisRateLimiter perUserLimiter(GatewaySettings settings) {
        return new RedisRateLimiter(
                settings.perUser().replenishRate(), settings.perUser().burstCapacity());
    }

    @Bean
    ClientAddresses clientAddresses(GatewaySettings settings) {
        return new ClientAddresses(settings.trustedProxies());
    }

    @Bean
    @Primary
    KeyResolver clientAddress(ClientAddresses clients) {
        return exchange -> Mono.just("client:" + clients.of(exchange.getRequest()));
    }

    /** Empty for anonymous requests, which the per-client bucket already covers. */
    @Bean
    KeyResolver authenticatedUser() {
        return exchange -> ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(authentication -> authentication.isAuthenticated())
                .map(authentication -> "user:" + authentication.getName());
    }

    /** Callers cannot pose as the platform: inbound internal headers never reach a service. */
    @Bean
    GlobalFilter stripInternalHeaders(GatewaySettings settings) {
        return new StripInternalHeaders(settings.internalHeaderPrefixes());
    }

    @Bean
    HttpHeadersFilter forwardClientAddress(ClientAddresses clients) {
        return new ForwardClientAddress(clients);
    }

    @Bean
    WebFilter tooManyRequestsAsProblem() {
        return new TooManyRequestsAsProblem();
    }

    @Bean
    ProblemErrors problemErrors() {
        return new ProblemErrors();
    }

    /** Bodies above the limit are refused before anything is forwarded. */
    @Bean
    WebFilter requestSizeLimit(GatewaySettings settings) {
        long max = settings.maxRequestSize().toBytes();
        return new OrderedWebFilter(Ordered.HIGHEST_PRECEDENCE, (exchange, chain) -> {
            long length = exchange.getRequest().getHeaders().getContentLength();
            if (length > max) {
                return ProblemResponses.write(
                        exchange,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "Request body too large",
                        "The request body may be at most " + max + " bytes.");
            }
            return chain.filter(exchange);
        });
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader("X-Request-Id");
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
