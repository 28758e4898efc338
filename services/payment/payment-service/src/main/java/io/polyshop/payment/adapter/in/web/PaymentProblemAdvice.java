package io.polyshop.payment.adapter.in.web;

import io.polyshop.payment.application.UnknownPaymentException;
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

/** Payment's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PaymentProblemAdvice {

    @ExceptionHandler(UnknownPaymentException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownPaymentException unknown, HttpServletRequest request) {
        return ProblemWriter.respond(
                request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", unknown.getMessage());
    }
}
