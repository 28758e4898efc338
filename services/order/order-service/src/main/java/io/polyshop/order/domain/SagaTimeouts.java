package io.polyshop.order.domain;

import java.time.Duration;

/**
 * How long the checkout saga waits for each step's reply before it gives up and compensates, and
 * how long it waits for a compensation's reply before it sends the compensation again.
 */
public record SagaTimeouts(
        Duration reserveStock,
        Duration authorizePayment,
        Duration confirmStock,
        Duration capturePayment,
        Duration compensation) {

    public Duration of(PlaceOrderSaga.Step step) {
        return switch (step) {
            case RESERVE_STOCK -> reserveStock;
            case AUTHORIZE_PAYMENT -> authorizePayment;
            case CONFIRM_STOCK -> confirmStock;
            case CAPTURE_PAYMENT -> capturePayment;
        };
    }
}
