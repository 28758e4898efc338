package io.polyshop.identity.application;

import java.util.List;

public final class PasswordRejectedException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final List<String> violations;

    public PasswordRejectedException(String field, List<String> violations) {
        super("The password " + String.join(", ", violations) + ".");
        this.field = field;
        this.violations = List.copyOf(violations);
    }

    public String field() {
        return field;
    }

    public List<String> violations() {
        return violations;
    }
}
