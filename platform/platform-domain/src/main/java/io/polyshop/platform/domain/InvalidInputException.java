package io.polyshop.platform.domain;

import java.util.List;

/**
 * Input that breaks a rule, with every field at fault; whatever it was meant to change stays as it
 * was. Each service names its own kind (an invalid order, an invalid stock request) by extending
 * it; the web platform answers every kind alike, with 400 and the violations as field errors.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one violation");
        }
        return violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().message()
                : violations.size() + " fields are invalid";
    }
}
