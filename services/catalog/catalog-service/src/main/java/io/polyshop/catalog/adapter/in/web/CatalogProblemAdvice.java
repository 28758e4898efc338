package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.application.DuplicateProductException;
import io.polyshop.catalog.application.StaleProductException;
import io.polyshop.catalog.application.UnknownCategoryException;
import io.polyshop.catalog.application.UnknownProductException;
import io.polyshop.catalog.domain.ProductStateException;
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

/** Catalog's refusals as problem details; invalid entries are the platform's (400 with every field at fault). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CatalogProblemAdvice {

    @ExceptionHandler({UnknownProductException.class, UnknownCategoryException.class})
    ResponseEntity<ProblemDetail> unknown(RuntimeException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }

    @ExceptionHandler({StaleProductException.class, ProductStateException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException conflict, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", conflict.getMessage());
    }

    @ExceptionHandler(DuplicateProductException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateProductException duplicate, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.CONFLICT, Problems.CONFLICT, "Already taken", duplicate.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(duplicate.field(), "belongs to another product")));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ProductAdminController.MissingVersionException.class)
    ResponseEntity<ProblemDetail> missingVersion(RuntimeException missing, HttpServletRequest request) {
        return ProblemWriter.respond(
                request,
                HttpStatus.PRECONDITION_REQUIRED,
                Problems.VALIDATION,
                "Version required",
                missing.getMessage());
    }

    @ExceptionHandler(ProductAdminController.MalformedVersionException.class)
    ResponseEntity<ProblemDetail> malformedVersion(RuntimeException malformed, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid If-Match", malformed.getMessage());
    }
}
