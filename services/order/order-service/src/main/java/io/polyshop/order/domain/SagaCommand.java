package io.polyshop.order.domain;

/** What the checkout saga asks its participants to do, and the reply that says it is done. */
public enum SagaCommand {
    RESERVE_STOCK,
    AUTHORIZE_PAYMENT,
    CONFIRM_RESERVATION,
    CAPTURE_PAYMENT,
    RELEASE_STOCK(SagaReply.STOCK_RELEASED),
    VOID_PAYMENT(SagaReply.PAYMENT_VOIDED);

    private final SagaReply compensated;

    SagaCommand() {
        this(null);
    }

    SagaCommand(SagaReply compensated) {
        this.compensated = compensated;
    }

    /** For a compensation: the reply that reports it done. */
    SagaReply compensatedBy() {
        return compensated;
    }
}
