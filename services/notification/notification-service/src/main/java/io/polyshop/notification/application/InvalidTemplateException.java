package io.polyshop.notification.application;

import java.util.List;
import java.util.stream.Collectors;

/** A template that cannot be used: broken syntax, a variable its type does not have, unescaped output. */
public class InvalidTemplateException extends RuntimeException {

    /** What is wrong with one part ({@code subject} or {@code body}) of the template. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public InvalidTemplateException(List<Problem> problems) {
        super(problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
