package io.polyshop.platform.web;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says where a JSON body went wrong in the client's terms (the field path such as
 * {@code variants[0].price.amount}) without echoing parser internals or class names.
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** The path of the offending field, or null when the body is not JSON at all. */
    public static String field(JacksonException problem) {
        List<JacksonException.Reference> path = problem.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    /** What is wrong with that field, in words safe to show a client. */
    public static String message(JacksonException problem) {
        return switch (problem) {
            case UnrecognizedPropertyException unknown -> "is not a known field";
            case ControlCharacterText.Refused refused -> refused.refusal();
            case MismatchedInputException mismatch -> "has the wrong type";
            default -> "is not valid JSON";
        };
    }

    /** One line for a log or an import report: field and message, or where the JSON broke. */
    public static String describe(JacksonException problem) {
        String field = field(problem);
        if (field != null) {
            return field + " " + message(problem);
        }
        return problem.getLocation() == null
                ? "malformed JSON"
                : "malformed JSON at column " + problem.getLocation().getColumnNr();
    }
}
