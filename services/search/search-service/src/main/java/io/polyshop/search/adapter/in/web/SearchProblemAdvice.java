package io.polyshop.search.adapter.in.web;

import io.polyshop.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import io.polyshop.search.domain.InvalidQueryException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SearchProblemAdvice {

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQueryException invalid, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(
                request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid search", invalid.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(invalid.field(), invalid.reason())));
        return ResponseEntity.badRequest().body(problem);
    }
}
