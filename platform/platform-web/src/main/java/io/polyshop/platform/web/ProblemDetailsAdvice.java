package io.polyshop.platform.web;

import io.polyshop.platform.domain.InvalidInputException;
import io.polyshop.platform.resilience.TransientFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error becomes an RFC 9457 problem with a stable {@code type}, a readable {@code detail} and
 * the request id. Validation problems list each offending field. Nothing about the server's
 * insides (stack traces, class names, parser messages) reaches the client; the log has it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One offending input: where it is and what is wrong with it. */
    public record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList();
        return validation(fields, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldProblem> fields = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validation(fields, headers, request);
    }

    private ResponseEntity<Object> validation(List<FieldProblem> fields, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = problem(
                request,
                HttpStatus.BAD_REQUEST,
                Problems.VALIDATION,
                "Invalid request",
                "The request has " + fields.size() + " invalid field(s).");
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception.getCause() instanceof RequestSizeLimit.PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        log.debug("unreadable request body", exception);
        if (exception.getCause() instanceof JacksonException json && JsonProblems.field(json) != null) {
            ProblemDetail problem = problem(
                    request,
                    HttpStatus.BAD_REQUEST,
                    Problems.MALFORMED_REQUEST,
                    "Malformed request",
                    "The request body does not fit this resource: " + JsonProblems.describe(json) + ".");
            problem.setProperty(
                    "errors", List.of(new FieldProblem(JsonProblems.field(json), JsonProblems.message(json))));
            return ResponseEntity.badRequest().headers(headers).body(problem);
        }
        return ResponseEntity.badRequest()
                .headers(headers)
                .body(problem(
                        request,
                        HttpStatus.BAD_REQUEST,
                        Problems.MALFORMED_REQUEST,
                        "Malformed request",
                        "The request body is not valid JSON for this resource."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .headers(headers)
                .body(problem(
                        request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is nothing here."));
    }

    /** Every service's own kind of invalid input, answered alike. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException invalid, WebRequest request) {
        ProblemDetail problem =
                problem(request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", invalid.getMessage());
        problem.setProperty(
                "errors",
                invalid.violations().stream()
                        .map(violation -> new FieldProblem(violation.field(), violation.message()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<Object> notFound(ResourceNotFoundException exception, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", exception.getMessage()));
    }

    /** Stores report stale writes in their own ways; each adapter turns them into a ConflictException. */
    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException exception, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(request, HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", exception.getMessage()));
    }

    @ExceptionHandler(RequestSizeLimit.PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestSizeLimit.PayloadTooLargeException exception, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        request,
                        HttpStatus.CONTENT_TOO_LARGE,
                        Problems.PAYLOAD_TOO_LARGE,
                        "Request body too large",
                        exception.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) throws Exception {
        if (exception.getCause() instanceof RequestSizeLimit.PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        if (TransientFailures.isTransient(exception)) {
            log.warn("a store or service this request needs is unavailable: {}", exception.toString());
            ResponseEntity<ProblemDetail> unavailable =
                    ProblemWriter.unavailable(((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class));
            return new ResponseEntity<>(unavailable.getBody(), unavailable.getHeaders(), unavailable.getStatusCode());
        }
        try {
            return handleException(exception, request);
        } catch (Exception unhandled) {
            log.error("unexpected error", exception);
            return ResponseEntity.internalServerError()
                    .body(problem(
                            request,
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            Problems.INTERNAL_ERROR,
                            "Internal error",
                            "Something went wrong on our side. Quote the requestId when reporting it."));
        }
    }

    /** Spring's own problems (a missing header, 405, 415, ...) get a type and the request id too, and keep their safe details. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
                problem.setType(Problems.ofStatus(status));
            }
            if (requestId(request) != null) {
                problem.setProperty("requestId", requestId(request));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(
            WebRequest request, HttpStatusCode status, URI type, String title, String detail) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return ProblemWriter.problem(servletRequest, status, type, title, detail);
    }

    private static String requestId(WebRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY, WebRequest.SCOPE_REQUEST);
        return id == null ? null : id.toString();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
