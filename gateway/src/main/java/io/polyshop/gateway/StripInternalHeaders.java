package io.polyshop.gateway;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Removes inbound headers whose names start with an internal prefix. */
final class StripInternalHeaders implements GlobalFilter, Ordered {

    private final List<String> prefixes;

    StripInternalHeaders(List<String> prefixes) {
        this.prefixes =
                prefixes.stream().map(prefix -> prefix.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.headerNames().stream()
                        .filter(name -> prefixes.stream()
                                .anyMatch(
                                        prefix -> name.toLowerCase(Locale.ROOT).startsWith(prefix)))
                        .toList()
                        .forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
