package io.polyshop.order.adapter.in.scheduling;

import io.polyshop.order.application.Checkout;
import org.springframework.scheduling.annotation.Scheduled;

/** Looks for saga steps waiting past their deadline. */
public class SagaTimer {

    private final Checkout checkout;

    public SagaTimer(Checkout checkout) {
        this.checkout = checkout;
    }

    @Scheduled(fixedDelayString = "${polyshop.order.saga.sweep:1s}")
    public void handleOverdue() {
        checkout.handleOverdue();
    }
}
