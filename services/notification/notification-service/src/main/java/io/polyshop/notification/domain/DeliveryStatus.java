package io.polyshop.notification.domain;

/** Where one channel's delivery of a notification stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** A sender holds it; if that sender dies, the delivery is due again when its hold runs out. */
    SENDING,
    /** The channel's provider accepted it. */
    SENT,
    /** Every attempt failed; an operator may send it again. */
    DEAD,
    /** The customer does not want this channel; nothing was sent. */
    OPTED_OUT
}
