package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.application.InvalidTemplateException;
import io.polyshop.notification.application.TemplateConflictException;
import io.polyshop.notification.application.UnknownResourceException;
import io.polyshop.notification.domain.DeliveryStateException;
import io.polyshop.notification.domain.InvalidNotificationException;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Notification's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NotificationProblemAdvice {

    @ExceptionHandler(InvalidNotificationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidNotificationException invalid, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", invalid.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(invalid.field(), invalid.reason())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<ProblemDetail> invalidTemplate(InvalidTemplateException invalid, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request,
                HttpStatus.BAD_REQUEST,
                Problems.VALIDATION,
                "Invalid template",
                "The template cannot be used: " + invalid.getMessage());
        problem.setProperty(
                "errors",
                invalid.problems().stream()
                        .map(found -> new FieldProblem(found.field(), found.message()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResourceException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }

    @ExceptionHandler({TemplateConflictException.class, DeliveryStateException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException conflict, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", conflict.getMessage());
    }
}
