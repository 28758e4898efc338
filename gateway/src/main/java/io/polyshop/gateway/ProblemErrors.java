package io.polyshop.gateway;

import java.net.ConnectException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself (no route, a method it does not route, a service that does
 * not answer) as a problem, like the services' own; before Spring Boot's handler, which would write
 * its own JSON shape.
 */
@Order(-2)
final class ProblemErrors implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatus status = statusOf(failure);
        return switch (status) {
            case NOT_FOUND ->
                ProblemResponses.write(exchange, status, "not-found", "Not found", "No API answers at this path.");
            case METHOD_NOT_ALLOWED ->
                ProblemResponses.write(
                        exchange,
                        status,
                        "method-not-allowed",
                        "Method not allowed",
                        "This path does not take that method.");
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> {
                exchange.getResponse().getHeaders().set("Retry-After", "5");
                yield ProblemResponses.write(
                        exchange,
                        status,
                        "service-unavailable",
                        "Service unavailable",
                        "The service behind this path did not answer in time; try again shortly.");
            }
            default ->
                ProblemResponses.write(
                        exchange,
                        status,
                        status.is4xxClientError() ? "malformed-request" : "internal-error",
                        status.getReasonPhrase(),
                        status.is4xxClientError()
                                ? "The gateway could not take this request."
                                : "Something went wrong in the gateway.");
        };
    }

    private static HttpStatus statusOf(Throwable failure) {
        if (failure instanceof ResponseStatusException answered) {
            HttpStatus status = HttpStatus.resolve(answered.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
