package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.application.TemplateConflictException;
import io.polyshop.notification.application.UnknownResourceException;
import io.polyshop.notification.domain.DeliveryStateException;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
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
