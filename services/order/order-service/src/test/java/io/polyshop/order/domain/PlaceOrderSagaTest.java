package io.polyshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.order.domain.PlaceOrderSaga.Decision;
import io.polyshop.order.domain.PlaceOrderSaga.Ending;
import io.polyshop.order.domain.PlaceOrderSaga.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceOrderSagaTest {

    private static final SagaTimeouts TIMEOUTS = new SagaTimeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(5));
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private static Decision started() {
        return PlaceOrderSaga.start(START, TIMEOUTS);
    }

    private static Decision reply(Decision before, SagaReply reply) {
        return before.saga().on(reply, null, START, TIMEOUTS).orElseThrow();
    }

    private static Decision authorized() {
        return reply(reply(started(), SagaReply.STOCK_RESERVED), SagaReply.PAYMENT_AUTHORIZED);
    }

    private static Decision confirmed() {
        return reply(reply(authorized(), SagaReply.RESERVATION_CONFIRMED), SagaReply.PAYMENT_CAPTURED);
    }

    @Test
    void walksTheStepsInOrderAndConfirmsAfterTheCapture() {
        Decision start = started();
        Decision reserved = reply(start, SagaReply.STOCK_RESERVED);
        Decision paid = reply(reserved, SagaReply.PAYMENT_AUTHORIZED);
        Decision held = reply(paid, SagaReply.RESERVATION_CONFIRMED);
        Decision captured = reply(held, SagaReply.PAYMENT_CAPTURED);

        assertThat(List.of(start, reserved, paid, held))
                .extracting(Decision::commands)
                .containsExactly(
                        List.of(SagaCommand.RESERVE_STOCK),
                        List.of(SagaCommand.AUTHORIZE_PAYMENT),
                        List.of(SagaCommand.CONFIRM_RESERVATION),
                        List.of(SagaCommand.CAPTURE_PAYMENT));
        assertThat(captured.commands()).isEmpty();
        assertThat(captured.ended()).contains(Ending.CONFIRMED);
        assertThat(captured.saga().phase()).isEqualTo(Phase.DONE);
        assertThat(captured.saga().deadline()).isNull();
        assertThat(reserved.saga().deadline()).isEqualTo(START.plus(TIMEOUTS.authorizePayment()));
    }

    @Test
    void ignoresARepeatedOrUnexpectedReply() {
        Decision reserved = reply(started(), SagaReply.STOCK_RESERVED);

        assertThat(reserved.saga().on(SagaReply.STOCK_RESERVED, null, START, TIMEOUTS))
                .isEmpty();
        assertThat(reserved.saga().on(SagaReply.PAYMENT_CAPTURED, null, START, TIMEOUTS))
                .isEmpty();
        assertThat(confirmed().saga().on(SagaReply.PAYMENT_CAPTURED, null, START, TIMEOUTS))
                .isEmpty();
    }

    @Test
    void aShortReservationRejectsAtOnceWithNothingToUndo() {
        Decision failed = started()
                .saga()
                .on(SagaReply.STOCK_RESERVATION_FAILED, "SKU-1 (2 wanted, 1 left)", START, TIMEOUTS)
                .orElseThrow();

        assertThat(failed.commands()).isEmpty();
        assertThat(failed.ended()).contains(Ending.REJECTED);
        assertThat(failed.saga().reason()).contains("SKU-1 (2 wanted, 1 left)");
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndThenRejects() {
        Decision declined = reply(started(), SagaReply.STOCK_RESERVED)
                .saga()
                .on(SagaReply.PAYMENT_DECLINED, "The card was declined.", START, TIMEOUTS)
                .orElseThrow();
        Decision released = reply(declined, SagaReply.STOCK_RELEASED);

        assertThat(declined.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(declined.ended()).isEmpty();
        assertThat(released.ended()).contains(Ending.REJECTED);
        assertThat(released.saga().reason()).isEqualTo("The card was declined.");
    }

    @Test
    void aFailedCaptureUndoesInReverseOrderPaymentFirst() {
        Decision failed = reply(reply(authorized(), SagaReply.RESERVATION_CONFIRMED), SagaReply.PAYMENT_CAPTURE_FAILED);
        Decision voided = reply(failed, SagaReply.PAYMENT_VOIDED);
        Decision released = reply(voided, SagaReply.STOCK_RELEASED);

        assertThat(failed.commands()).containsExactly(SagaCommand.VOID_PAYMENT);
        assertThat(voided.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(released.ended()).contains(Ending.REJECTED);
    }

    @Test
    void aStepWithoutAnAnswerInTimeIsUndoneIncludingItself() {
        Decision reserved = reply(started(), SagaReply.STOCK_RESERVED);
        Instant early = START.plus(TIMEOUTS.authorizePayment()).minusSeconds(1);
        Instant late = START.plus(TIMEOUTS.authorizePayment());

        assertThat(reserved.saga().timedOut(early, TIMEOUTS)).isEmpty();
        Decision timedOut = reserved.saga().timedOut(late, TIMEOUTS).orElseThrow();

        assertThat(timedOut.commands()).containsExactly(SagaCommand.VOID_PAYMENT);
        assertThat(timedOut.saga().compensations())
                .containsExactly(SagaCommand.VOID_PAYMENT, SagaCommand.RELEASE_STOCK);
        assertThat(timedOut.saga().reason()).isEqualTo(PlaceOrderSaga.TIMED_OUT);
    }

    @Test
    void anUnansweredCompensationIsSentAgainUntilItIsAnswered() {
        Decision timedOut =
                started().saga().timedOut(START.plusSeconds(10), TIMEOUTS).orElseThrow();
        Instant retry = timedOut.saga().deadline();

        Decision again = timedOut.saga().timedOut(retry, TIMEOUTS).orElseThrow();

        assertThat(again.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(again.saga().attempts()).isEqualTo(2);
        assertThat(again.saga().deadline()).isEqualTo(retry.plus(TIMEOUTS.compensation()));
        assertThat(reply(again, SagaReply.STOCK_RELEASED).ended()).contains(Ending.REJECTED);
    }

    @Test
    void cancellingAConfirmedOrderGivesBackPaymentThenStock() {
        Decision cancelled = confirmed().saga().cancel(START, TIMEOUTS).orElseThrow();
        Decision voided = reply(cancelled, SagaReply.PAYMENT_VOIDED);
        Decision released = reply(voided, SagaReply.STOCK_RELEASED);

        assertThat(cancelled.commands()).containsExactly(SagaCommand.VOID_PAYMENT);
        assertThat(voided.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(released.ended()).contains(Ending.CANCELLED);
        assertThat(released.saga().cancel(START, TIMEOUTS)).isEqualTo(Optional.empty());
    }

    @Test
    void cancellingARunningCheckoutUndoesTheStepInFlight() {
        Decision cancelled = started().saga().cancel(START, TIMEOUTS).orElseThrow();

        assertThat(cancelled.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(reply(cancelled, SagaReply.STOCK_RELEASED).ended()).contains(Ending.CANCELLED);
    }
}
