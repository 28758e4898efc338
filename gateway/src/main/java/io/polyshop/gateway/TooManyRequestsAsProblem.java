package io.polyshop.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The rate limiter ends a refused request with a bare 429; this gives it the problem body and the
 * {@code Retry-After} every other refusal has. A bucket refills within a second.
 */
final class TooManyRequestsAsProblem implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    getHeaders().set("Retry-After", "1");
                    return ProblemResponses.write(
                            getDelegate(),
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-requests",
                            "Too many requests",
                            "Slow down: this client or user sent more requests than its rate allows.");
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
