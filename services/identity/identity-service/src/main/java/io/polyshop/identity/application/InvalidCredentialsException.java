package io.polyshop.identity.application;

/** Wrong e-mail or password, or an unusable refresh token; deliberately says no more. */
public final class InvalidCredentialsException extends IdentityProblem {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super("The credentials are not valid.");
    }
}
