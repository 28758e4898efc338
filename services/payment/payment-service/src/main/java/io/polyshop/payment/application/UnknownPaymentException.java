package io.polyshop.payment.application;

import io.polyshop.payment.domain.PaymentId;

public class UnknownPaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownPaymentException(PaymentId id) {
        super("no payment " + id);
    }
}
