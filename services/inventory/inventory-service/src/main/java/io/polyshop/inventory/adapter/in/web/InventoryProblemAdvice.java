package io.polyshop.inventory.adapter.in.web;

import io.polyshop.inventory.application.InsufficientStockException;
import io.polyshop.inventory.application.ReservationConflictException;
import io.polyshop.inventory.application.UnknownReservationException;
import io.polyshop.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Inventory's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InventoryProblemAdvice {

    @ExceptionHandler(InsufficientStockException.class)
    ResponseEntity<ProblemDetail> insufficient(InsufficientStockException insufficient, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Not enough stock", insufficient.getMessage());
    }

    @ExceptionHandler(InventoryAdminController.ReservationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(
            InventoryAdminController.ReservationRefusedException refused, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Reservation refused", refused.getMessage());
        problem.setProperty(
                "reservationStatus", refused.outcome().reservation().status().name());
        problem.setProperty(
                "shortLines",
                refused.outcome().shortages().stream()
                        .map(shortage -> Map.of(
                                "sku", shortage.sku().value(),
                                "requested", shortage.requested(),
                                "available", shortage.available()))
                        .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ReservationConflictException.class)
    ResponseEntity<ProblemDetail> reused(ReservationConflictException reused, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request,
                HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.VALIDATION,
                "Reservation id reused",
                reused.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("reservationId", "is taken by other lines")));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(UnknownReservationException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownReservationException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }
}
