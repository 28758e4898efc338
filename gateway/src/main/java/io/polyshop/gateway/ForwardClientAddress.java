package io.polyshop.gateway;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who the client is: {@code X-Forwarded-For} carries exactly the address
 * {@link ClientAddresses} found, whatever the client sent. It is the last headers filter before the
 * request leaves, so nothing appends to it; services believe the header only from the gateway.
 */
final class ForwardClientAddress implements HttpHeadersFilter, Ordered {

    private final ClientAddresses clients;

    ForwardClientAddress(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.addAll(input);
        forwarded.set(ClientAddresses.FORWARDED_FOR, clients.of(exchange.getRequest()));
        return forwarded;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
