package io.polyshop.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to the response, for filters that answer before MVC runs. */
public class ProblemWriter {

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
