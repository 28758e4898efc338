package io.polyshop.payment.domain;

import java.util.regex.Pattern;

/** Names one payment; the checkout saga uses its order's id, which makes every command idempotent. */
public record PaymentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public PaymentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidPaymentException("paymentId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
    }

    /** The provider's idempotency key for one operation on this payment: a retry never repeats it. */
    public String operationKey(String operation) {
        return value + ":" + operation;
    }

    @Override
    public String toString() {
        return value;
    }
}
