package io.polyshop.identity.application;

public final class UnknownUserException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(Object id) {
        super("user " + id + " was not found");
    }
}
