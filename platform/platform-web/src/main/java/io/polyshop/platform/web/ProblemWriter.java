package io.polyshop.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to the response, for filters that answer before MVC runs. */
public class ProblemWriter {

    /** How long a client is asked to wait while a store or broker the request needs is away. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final String UNAVAILABLE_TITLE = "Service unavailable";
    private static final String UNAVAILABLE_DETAIL =
            "Something this request needs is unavailable for a moment; try again in a few seconds.";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(
            HttpServletRequest request, HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        String requestId = RequestIds.current(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** A problem response for an exception handler. */
    public static ResponseEntity<ProblemDetail> respond(
            HttpServletRequest request, HttpStatusCode status, URI type, String title, String detail) {
        return ResponseEntity.status(status).body(problem(request, status, type, title, detail));
    }

    /**
     * The answer while something the request needs (a store, a broker) is away: 503 and
     * {@code Retry-After}, nothing about what exactly failed.
     */
    public static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(
                        request,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.SERVICE_UNAVAILABLE,
                        UNAVAILABLE_TITLE,
                        UNAVAILABLE_DETAIL));
    }

    /** 429 for a client over a limit, with {@code Retry-After} in whole seconds (at least one). */
    public static ResponseEntity<ProblemDetail> tooManyRequests(
            HttpServletRequest request, Duration retryAfter, String detail) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)))
                .body(problem(
                        request,
                        HttpStatus.TOO_MANY_REQUESTS,
                        Problems.TOO_MANY_REQUESTS,
                        "Too many requests",
                        detail));
    }

    /** As {@link #unavailable(HttpServletRequest)}, for a filter. */
    public void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(
                request,
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                Problems.SERVICE_UNAVAILABLE,
                UNAVAILABLE_TITLE,
                UNAVAILABLE_DETAIL);
    }

    /** A 400 for a request a filter found invalid before any controller read it. */
    public void writeInvalid(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", detail);
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatusCode status,
            URI type,
            String title,
            String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(request, status, type, title, detail));
    }
}
