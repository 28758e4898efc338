package io.polyshop.identity.application;

public final class EmailAlreadyRegisteredException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegisteredException() {
        super("An account with this e-mail address exists already.");
    }
}
