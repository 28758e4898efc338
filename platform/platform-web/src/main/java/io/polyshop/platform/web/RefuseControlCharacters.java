package io.polyshop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query parameters carry a control or bidirectional formatting character,
 * with a 400 naming the parameter, before a controller turns it into a query. Bodies are checked
 * as they are read ({@link ControlCharacterText}).
 */
final class RefuseControlCharacters extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RefuseControlCharacters(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> offending = request.getQueryString() == null
                ? Optional.empty()
                : request.getParameterMap().entrySet().stream()
                        .flatMap(parameter -> Arrays.stream(parameter.getValue())
                                .filter(ControlCharacters::in)
                                .map(value -> parameter.getKey() + " " + ControlCharacters.refusal(value)))
                        .findFirst();
        if (offending.isPresent()) {
            problems.writeInvalid(request, response, "Query parameter " + offending.get() + ".");
            return;
        }
        chain.doFilter(request, response);
    }
}
