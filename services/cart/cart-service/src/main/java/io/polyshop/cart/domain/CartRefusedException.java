package io.polyshop.cart.domain;

/** A well-formed request the cart cannot honour (a limit, an unknown or withdrawn product); nothing changed. */
public class CartRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as a stable code clients can branch on. */
    public enum Reason {
        TOO_MANY_LINES,
        QUANTITY_LIMIT,
        UNKNOWN_SKU,
        NOT_AVAILABLE,
        CURRENCY_MISMATCH
    }

    private final Reason reason;
    private final String field;

    public CartRefusedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
