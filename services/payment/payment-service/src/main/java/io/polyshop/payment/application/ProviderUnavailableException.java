package io.polyshop.payment.application;

/**
 * The provider gave no answer to an operation that must happen (capture, void, refund): the
 * command fails, to be redelivered and, after the configured attempts, dead-lettered.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String operation, String reason) {
        super("the payment provider did not " + operation + ": " + reason);
    }
}
