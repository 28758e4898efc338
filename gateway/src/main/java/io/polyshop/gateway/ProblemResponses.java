package io.polyshop.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own refusals, in the same RFC 9457 shape the services use. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        return write(exchange.getResponse(), exchange, status, type, title, detail);
    }

    /** Through {@code response}, which may decorate the exchange's own. */
    static Mono<Void> write(
            ServerHttpResponse response,
            ServerWebExchange exchange,
            HttpStatus status,
            String type,
            String title,
            String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://polyshop.io/problems/" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }
}
