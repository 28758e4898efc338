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
            Duration.ofSeconds(5),
            3);
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private static Decision started() {
        return PlaceOrderSaga.start(START, TIMEOUTS);
    }

    /** The saga once the outbox published the command it waits on, at {@code at}: its clock runs. */
    private static PlaceOrderSaga published(PlaceOrderSaga saga, Instant at) {
        PlaceOrderSaga.Wait waiting = saga.awaiting();
        return new PlaceOrderSaga(
                saga.phase(),
                saga.step(),
                saga.compensations(),
                saga.ending(),
                saga.reason(),
                new PlaceOrderSaga.Wait(waiting.command(), waiting.allowed(), at.plus(waiting.allowed())),
                saga.attempts(),
                saga.log());
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
        assertThat(captured.saga().awaiting()).isNull();
        assertThat(reserved.saga().awaiting().allowed()).isEqualTo(TIMEOUTS.authorizePayment());
        assertThat(List.of(start, reserved, paid, held))
                .extracting(decision -> decision.saga().awaiting().command())
                .doesNotHaveDuplicates();
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
    void aStepsClockStartsWhenItsCommandIsPublishedNotWhenTheSagaDecidedToSendIt() {
        PlaceOrderSaga unpublished = started().saga();
        Instant publishedLate = START.plusSeconds(600);

        assertThat(unpublished.timedOut(START.plusSeconds(3600), TIMEOUTS))
                .as("a command still in the outbox (Kafka away) spends none of its time")
                .isEmpty();
        PlaceOrderSaga running = published(unpublished, publishedLate);
        assertThat(running.timedOut(publishedLate.plus(TIMEOUTS.reserveStock()).minusSeconds(1), TIMEOUTS))
                .isEmpty();
        assertThat(running.timedOut(publishedLate.plus(TIMEOUTS.reserveStock()), TIMEOUTS))
                .isPresent();
    }

    @Test
    void aStepWithoutAnAnswerInTimeIsUndoneIncludingItself() {
        PlaceOrderSaga reserved =
                published(reply(started(), SagaReply.STOCK_RESERVED).saga(), START);
        Instant early = START.plus(TIMEOUTS.authorizePayment()).minusSeconds(1);
        Instant late = START.plus(TIMEOUTS.authorizePayment());

        assertThat(reserved.timedOut(early, TIMEOUTS)).isEmpty();
        Decision timedOut = reserved.timedOut(late, TIMEOUTS).orElseThrow();

        assertThat(timedOut.commands()).containsExactly(SagaCommand.VOID_PAYMENT);
        assertThat(timedOut.saga().compensations())
                .containsExactly(SagaCommand.VOID_PAYMENT, SagaCommand.RELEASE_STOCK);
        assertThat(timedOut.saga().reason()).isEqualTo(PlaceOrderSaga.TIMED_OUT);
    }

    @Test
    void anUnansweredCompensationIsSentAgainUpToItsAttemptsThenNeedsAttention() {
        Instant at = START.plusSeconds(10);
        Decision compensating =
                published(started().saga(), START).timedOut(at, TIMEOUTS).orElseThrow();
        Decision second = timeOut(compensating, at);
        Decision third = timeOut(second, at);
        Decision stuck = timeOut(third, at);

        assertThat(List.of(compensating, second, third))
                .allSatisfy(decision -> assertThat(decision.commands()).containsExactly(SagaCommand.RELEASE_STOCK));
        assertThat(third.saga().attempts()).isEqualTo(3);
        assertThat(second.saga().awaiting().command())
                .as("a command sent again is a new command")
                .isNotEqualTo(compensating.saga().awaiting().command());
        assertThat(stuck.commands()).isEmpty();
        assertThat(stuck.saga().phase()).isEqualTo(Phase.NEEDS_ATTENTION);
        assertThat(stuck.saga().awaiting()).isNull();
        assertThat(stuck.saga().log().getLast().entry()).contains("needs attention");
        assertThat(stuck.saga().timedOut(at.plusSeconds(3600), TIMEOUTS)).isEmpty();
        assertThat(stuck.saga().cancel(at, TIMEOUTS)).isEmpty();
    }

    @Test
    void aSagaThatNeedsAttentionResumesAtAnOperatorsRequestAndALateReplyStillEndsIt() {
        Instant at = START.plusSeconds(10);
        Decision stuck = timeOut(
                timeOut(
                        timeOut(
                                published(started().saga(), START)
                                        .timedOut(at, TIMEOUTS)
                                        .orElseThrow(),
                                at),
                        at),
                at);

        Decision resumed = stuck.saga().resume(at, TIMEOUTS).orElseThrow();
        Decision lateReply =
                stuck.saga().on(SagaReply.STOCK_RELEASED, null, at, TIMEOUTS).orElseThrow();

        assertThat(resumed.commands()).containsExactly(SagaCommand.RELEASE_STOCK);
        assertThat(resumed.saga().phase()).isEqualTo(Phase.COMPENSATING);
        assertThat(resumed.saga().attempts()).isEqualTo(1);
        assertThat(lateReply.ended()).contains(Ending.REJECTED);
        assertThat(started().saga().resume(at, TIMEOUTS)).isEmpty();
    }

    /** The compensation in flight is published at once and goes unanswered past its time. */
    private static Decision timeOut(Decision compensating, Instant at) {
        return published(compensating.saga(), at)
                .timedOut(at.plus(TIMEOUTS.compensation()), TIMEOUTS)
                .orElseThrow();
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
