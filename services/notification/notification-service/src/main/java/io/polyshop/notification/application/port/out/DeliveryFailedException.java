package io.polyshop.notification.application.port.out;

/** A channel's provider did not accept a message; the attempt may be repeated. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
