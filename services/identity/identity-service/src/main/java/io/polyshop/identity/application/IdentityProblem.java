package io.polyshop.identity.application;

/** A request identity refuses for a reason the caller can act on. */
public abstract sealed class IdentityProblem extends RuntimeException
        permits EmailAlreadyRegisteredException,
                InvalidCredentialsException,
                PasswordRejectedException,
                TooManyAttemptsException,
                UnknownUserException {

    private static final long serialVersionUID = 1L;

    IdentityProblem(String message) {
        super(message);
    }
}
