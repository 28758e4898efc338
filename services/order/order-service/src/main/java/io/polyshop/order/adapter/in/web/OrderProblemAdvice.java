package io.polyshop.order.adapter.in.web;

import io.polyshop.order.application.StalePricesException;
import io.polyshop.order.application.UnknownOrderException;
import io.polyshop.order.domain.OrderConflictException;
import io.polyshop.order.domain.OrderRefusedException;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Order's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OrderProblemAdvice {

    @ExceptionHandler(OrderRefusedException.class)
    ResponseEntity<ProblemDetail> refused(OrderRefusedException refused, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.UNPROCESSABLE_CONTENT, Problems.VALIDATION, "Order refused", refused.getMessage());
        problem.setProperty("reason", refused.reason().name());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(StalePricesException.class)
    ResponseEntity<ProblemDetail> stale(StalePricesException stale, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Prices changed", stale.getMessage());
        problem.setProperty(
                "currentPrices",
                stale.current().stream()
                        .map(price -> Map.of(
                                "sku", price.sku().value(),
                                "name", price.name(),
                                "unitPrice", price.price().amount(),
                                "currency", price.price().currency().getCurrencyCode(),
                                "available", price.purchasable()))
                        .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(OrderConflictException.class)
    ResponseEntity<ProblemDetail> conflict(OrderConflictException conflict, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Not possible now", conflict.getMessage());
    }

    @ExceptionHandler(UnknownOrderException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownOrderException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }
}
