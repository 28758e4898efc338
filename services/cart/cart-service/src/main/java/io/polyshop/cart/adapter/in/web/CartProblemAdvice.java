package io.polyshop.cart.adapter.in.web;

import io.polyshop.cart.application.TooManyCartsException;
import io.polyshop.cart.application.UnknownCartException;
import io.polyshop.cart.domain.CartRefusedException;
import io.polyshop.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The cart's refusals as problem details; a refusal names its reason as a stable code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CartProblemAdvice {

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException missing, HttpServletRequest request) {
        return badRequest(request, missing.getHeaderName(), "is required", missing.getHeaderName() + " is required");
    }

    @ExceptionHandler(CartRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CartRefusedException refused, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request,
                HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.VALIDATION,
                "Cart refused the change",
                refused.getMessage());
        problem.setProperty("reason", refused.reason().name());
        problem.setProperty("errors", List.of(new FieldProblem(refused.field(), refused.getMessage())));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(TooManyCartsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyCartsException tooMany, HttpServletRequest request) {
        return ProblemWriter.tooManyRequests(request, tooMany.retryAfter(), tooMany.getMessage());
    }

    @ExceptionHandler(UnknownCartException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownCartException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }

    private static ResponseEntity<ProblemDetail> badRequest(
            HttpServletRequest request, String field, String reason, String detail) {
        ProblemDetail problem =
                ProblemWriter.problem(request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", List.of(new FieldProblem(field, reason)));
        return ResponseEntity.badRequest().body(problem);
    }
}
