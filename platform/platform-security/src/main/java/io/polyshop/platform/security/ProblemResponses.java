package io.polyshop.platform.security;

import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details. The 401 says that a valid token is needed, never why a given
 * token failed (expired, forged, wrong key), so that probing learns nothing.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                Problems.UNAUTHORIZED,
                "Unauthorized",
                "A valid bearer token is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN,
                "Forbidden",
                "Your role does not allow this.");
    }
}
