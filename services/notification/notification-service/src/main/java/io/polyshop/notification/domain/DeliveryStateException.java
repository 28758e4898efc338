package io.polyshop.notification.domain;

/** A delivery was asked for a change its status does not allow. */
public class DeliveryStateException extends RuntimeException {

    public DeliveryStateException(String message) {
        super(message);
    }
}
