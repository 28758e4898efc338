package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.application.EmailAlreadyRegisteredException;
import io.polyshop.identity.application.IdentityProblem;
import io.polyshop.identity.application.InvalidCredentialsException;
import io.polyshop.identity.application.PasswordRejectedException;
import io.polyshop.identity.application.TooManyAttemptsException;
import io.polyshop.identity.application.UnknownUserException;
import io.polyshop.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Identity's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IdentityProblemAdvice {

    static final URI INVALID_CREDENTIALS = URI.create("https://polyshop.io/problems/invalid-credentials");
    static final URI EMAIL_TAKEN = URI.create("https://polyshop.io/problems/email-already-registered");

    @ExceptionHandler(IdentityProblem.class)
    ResponseEntity<ProblemDetail> refused(IdentityProblem problem, HttpServletRequest request) {
        return switch (problem) {
            case InvalidCredentialsException invalid ->
                ProblemWriter.respond(
                        request,
                        HttpStatus.UNAUTHORIZED,
                        INVALID_CREDENTIALS,
                        "Invalid credentials",
                        invalid.getMessage());
            case TooManyAttemptsException tooMany ->
                ProblemWriter.tooManyRequests(request, tooMany.retryAfter(), tooMany.getMessage());
            case EmailAlreadyRegisteredException taken ->
                ProblemWriter.respond(
                        request, HttpStatus.CONFLICT, EMAIL_TAKEN, "E-mail already registered", taken.getMessage());
            case PasswordRejectedException rejected ->
                validation(
                        request,
                        rejected.getMessage(),
                        rejected.violations().stream()
                                .map(violation -> new FieldProblem(rejected.field(), violation))
                                .toList());
            case UnknownUserException unknown ->
                ProblemWriter.respond(
                        request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
        };
    }

    private static ResponseEntity<ProblemDetail> validation(
            HttpServletRequest request, String detail, List<FieldProblem> fields) {
        ProblemDetail problem =
                ProblemWriter.problem(request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }
}
