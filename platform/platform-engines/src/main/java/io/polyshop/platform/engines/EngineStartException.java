package io.polyshop.platform.engines;

/** An engine could not be started; the message says which and why, in words a user can act on. */
public class EngineStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
