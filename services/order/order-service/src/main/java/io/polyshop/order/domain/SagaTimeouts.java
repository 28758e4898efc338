package io.polyshop.order.domain;

import java.time.Duration;

/**
 * How long the checkout saga waits for each step's reply, counted from when its command was
 * published, before it gives up and compensates; how long it waits for a compensation's reply
 * before it sends the compensation again; and how many times it sends one before it stops and
 * asks for an operator.
 */
public record SagaTimeouts(
        Duration reserveStock,
        Duration authorizePayment,
        Duration confirmStock,
        Duration capturePayment,
        Duration compensation,
        int compensationAttempts) {

    public SagaTimeouts {
        if (compensationAttempts < 1) {
            throw new IllegalArgumentException("a compensation is sent at least once");
        }
    }

    public Duration of(PlaceOrderSaga.Step step) {
        return switch (step) {
            case RESERVE_STOCK -> reserveStock;
            case AUTHORIZE_PAYMENT -> authorizePayment;
            case CONFIRM_STOCK -> confirmStock;
            case CAPTURE_PAYMENT -> capturePayment;
        };
    }
}
