package io.polyshop.order.domain;

/** A well-formed order the shop will not take, with a stable reason; nothing was changed. */
public class OrderRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        EMPTY_ORDER,
        UNKNOWN_SKU,
        NOT_AVAILABLE,
        CURRENCY_MISMATCH,
        UNSUPPORTED_CURRENCY,
        NOT_SHIPPED_TO,
        TOTAL_MISMATCH
    }

    private final Reason reason;

    public OrderRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
