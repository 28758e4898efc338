package io.polyshop.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkout, orchestrated (DESIGN.md section 4). Its steps are the table in {@link Step}: each
 * sends a command and waits for its success or failure reply. A failure, a timeout or a
 * cancellation undoes what was done, last step first, with the compensations in the table's last
 * column; a compensation that is not answered in time is sent again, up to
 * {@link SagaTimeouts#compensationAttempts()} times, after which the saga stops in
 * {@link Phase#NEEDS_ATTENTION} for an operator (a late reply still completes it). Replies that the
 * saga is not waiting for (repeats, stragglers) change nothing, which makes every reply idempotent.
 * The time a command is allowed counts from when it was published ({@link Wait}).
 *
 * <p>Immutable: every event returns a {@link Decision} with the saga after it and what to send.
 *
 * @param awaiting the command the saga waits on and until when; null once it waits for nothing
 */
public record PlaceOrderSaga(
        Phase phase,
        Step step,
        List<SagaCommand> compensations,
        Ending ending,
        String reason,
        Wait awaiting,
        int attempts,
        List<LogEntry> log) {

    public static final String TIMED_OUT = "The checkout took too long and was undone. You were not charged.";
    public static final String CANCELLED = "Cancelled at the customer's request.";

    public enum Phase {
        RUNNING,
        COMPENSATING,
        /** A compensation went unanswered every time it was sent: an operator looks, and may resume it. */
        NEEDS_ATTENTION,
        DONE
    }

    /**
     * The reply the saga waits for: to the command {@code command}, allowed {@code allowed} from
     * the moment the command was published. That moment is known only once the outbox has
     * published it; until then the deadline is null and the saga waits, so that a broker outage
     * does not spend the participants' time.
     */
    public record Wait(CommandId command, Duration allowed, Instant deadline) {

        public Wait {
            if (command == null || allowed == null) {
                throw new IllegalArgumentException("a wait names its command and how long it may take");
            }
        }

        static Wait forNew(Duration allowed) {
            return new Wait(CommandId.newId(), allowed, null);
        }

        boolean overdue(Instant now) {
            return deadline != null && !now.isBefore(deadline);
        }
    }

    public enum Ending {
        CONFIRMED,
        REJECTED,
        CANCELLED
    }

    /** The steps, in order. */
    public enum Step {
        //               command                          success                          failure
        //              undone by
        RESERVE_STOCK(
                SagaCommand.RESERVE_STOCK,
                SagaReply.STOCK_RESERVED,
                SagaReply.STOCK_RESERVATION_FAILED,
                SagaCommand.RELEASE_STOCK),
        AUTHORIZE_PAYMENT(
                SagaCommand.AUTHORIZE_PAYMENT,
                SagaReply.PAYMENT_AUTHORIZED,
                SagaReply.PAYMENT_DECLINED,
                SagaCommand.VOID_PAYMENT),
        CONFIRM_STOCK(
                SagaCommand.CONFIRM_RESERVATION,
                SagaReply.RESERVATION_CONFIRMED,
                SagaReply.RESERVATION_CONFIRMATION_FAILED,
                null),
        CAPTURE_PAYMENT(
                SagaCommand.CAPTURE_PAYMENT, SagaReply.PAYMENT_CAPTURED, SagaReply.PAYMENT_CAPTURE_FAILED, null);

        private final SagaCommand command;
        private final SagaReply success;
        private final SagaReply failure;
        private final SagaCommand undoneBy;

        Step(SagaCommand command, SagaReply success, SagaReply failure, SagaCommand undoneBy) {
            this.command = command;
            this.success = success;
            this.failure = failure;
            this.undoneBy = undoneBy;
        }

        public SagaCommand command() {
            return command;
        }

        Optional<Step> next() {
            Step[] steps = values();
            return ordinal() + 1 < steps.length ? Optional.of(steps[ordinal() + 1]) : Optional.empty();
        }
    }

    /** One line of the saga's log: what was sent or received, and when. */
    public record LogEntry(String entry, Instant at) {}

    /** What one event decided: the saga after it, the commands to send, and the ending if it came now. */
    public record Decision(PlaceOrderSaga saga, List<SagaCommand> commands, Optional<Ending> ended) {}

    public PlaceOrderSaga {
        compensations = List.copyOf(compensations);
        log = List.copyOf(log);
    }

    public static Decision start(Instant now, SagaTimeouts timeouts) {
        Step first = Step.RESERVE_STOCK;
        PlaceOrderSaga saga = new PlaceOrderSaga(
                Phase.RUNNING,
                first,
                List.of(),
                null,
                null,
                Wait.forNew(timeouts.of(first)),
                1,
                List.of(new LogEntry(first.command + " sent", now)));
        return new Decision(saga, List.of(first.command), Optional.empty());
    }

    public Optional<Decision> on(SagaReply reply, String detail, Instant now, SagaTimeouts timeouts) {
        return switch (phase) {
            case RUNNING -> {
                if (reply == step.success) {
                    yield Optional.of(advance(now, timeouts, logged(reply + " received", now)));
                }
                if (reply == step.failure) {
                    yield Optional.of(compensate(
                            stepsBefore(step),
                            Ending.REJECTED,
                            failureReason(reply, detail),
                            now,
                            timeouts,
                            logged(reply + " received", now)));
                }
                yield Optional.empty();
            }
            case COMPENSATING, NEEDS_ATTENTION -> {
                if (reply != compensations.getFirst().compensatedBy()) {
                    yield Optional.empty();
                }
                yield Optional.of(nextCompensation(
                        compensations.subList(1, compensations.size()),
                        now,
                        timeouts,
                        logged(reply + " received", now)));
            }
            case DONE -> Optional.empty();
        };
    }

    /**
     * Gives up on a step whose deadline passed, or sends an unanswered compensation again; after
     * the last allowed attempt the saga stops and needs attention.
     */
    public Optional<Decision> timedOut(Instant now, SagaTimeouts timeouts) {
        if (awaiting == null || !awaiting.overdue(now)) {
            return Optional.empty();
        }
        return switch (phase) {
            case RUNNING ->
                Optional.of(compensate(
                        stepsUpTo(step),
                        Ending.REJECTED,
                        TIMED_OUT,
                        now,
                        timeouts,
                        logged("no answer to " + step.command + " in time", now)));
            case COMPENSATING -> {
                SagaCommand again = compensations.getFirst();
                if (attempts >= timeouts.compensationAttempts()) {
                    PlaceOrderSaga stuck = new PlaceOrderSaga(
                            Phase.NEEDS_ATTENTION,
                            step,
                            compensations,
                            ending,
                            reason,
                            null,
                            attempts,
                            logged("no answer to " + again + " after " + attempts + " attempts; needs attention", now));
                    yield Optional.of(new Decision(stuck, List.of(), Optional.empty()));
                }
                PlaceOrderSaga saga = new PlaceOrderSaga(
                        phase,
                        step,
                        compensations,
                        ending,
                        reason,
                        Wait.forNew(timeouts.compensation()),
                        attempts + 1,
                        logged(again + " sent again", now));
                yield Optional.of(new Decision(saga, List.of(again), Optional.empty()));
            }
            case NEEDS_ATTENTION, DONE -> Optional.empty();
        };
    }

    /** An operator's retry of a saga that needs attention: its pending compensation is sent again. */
    public Optional<Decision> resume(Instant now, SagaTimeouts timeouts) {
        if (phase != Phase.NEEDS_ATTENTION) {
            return Optional.empty();
        }
        SagaCommand again = compensations.getFirst();
        PlaceOrderSaga saga = new PlaceOrderSaga(
                Phase.COMPENSATING,
                step,
                compensations,
                ending,
                reason,
                Wait.forNew(timeouts.compensation()),
                1,
                logged(again + " sent again at an operator's request", now));
        return Optional.of(new Decision(saga, List.of(again), Optional.empty()));
    }

    /**
     * Undoes the checkout at the customer's request: a running saga stops and compensates what it
     * did (and the step in flight), a confirmed order gives everything back. Empty when there is
     * nothing left to cancel.
     */
    public Optional<Decision> cancel(Instant now, SagaTimeouts timeouts) {
        if (phase == Phase.RUNNING) {
            return Optional.of(compensate(
                    stepsUpTo(step),
                    Ending.CANCELLED,
                    CANCELLED,
                    now,
                    timeouts,
                    logged("cancellation requested", now)));
        }
        if (phase == Phase.DONE && ending == Ending.CONFIRMED) {
            return Optional.of(compensate(
                    List.of(Step.values()),
                    Ending.CANCELLED,
                    CANCELLED,
                    now,
                    timeouts,
                    logged("cancellation requested", now)));
        }
        return Optional.empty();
    }

    private Decision advance(Instant now, SagaTimeouts timeouts, List<LogEntry> log) {
        Optional<Step> next = step.next();
        if (next.isEmpty()) {
            PlaceOrderSaga done = new PlaceOrderSaga(Phase.DONE, step, List.of(), Ending.CONFIRMED, null, null, 0, log);
            return new Decision(done, List.of(), Optional.of(Ending.CONFIRMED));
        }
        Step following = next.get();
        List<LogEntry> sent = append(log, new LogEntry(following.command + " sent", now));
        PlaceOrderSaga saga = new PlaceOrderSaga(
                Phase.RUNNING, following, List.of(), null, null, Wait.forNew(timeouts.of(following)), 1, sent);
        return new Decision(saga, List.of(following.command), Optional.empty());
    }

    private Decision compensate(
            List<Step> undo, Ending end, String why, Instant now, SagaTimeouts timeouts, List<LogEntry> log) {
        List<Step> lastFirst = new ArrayList<>(undo);
        Collections.reverse(lastFirst);
        List<SagaCommand> pending = lastFirst.stream()
                .map(undone -> undone.undoneBy)
                .filter(Objects::nonNull)
                .toList();
        PlaceOrderSaga compensating = new PlaceOrderSaga(Phase.COMPENSATING, step, pending, end, why, null, 0, log);
        return compensating.nextCompensation(pending, now, timeouts, log);
    }

    private Decision nextCompensation(
            List<SagaCommand> pending, Instant now, SagaTimeouts timeouts, List<LogEntry> log) {
        if (pending.isEmpty()) {
            PlaceOrderSaga done = new PlaceOrderSaga(Phase.DONE, step, List.of(), ending, reason, null, 0, log);
            return new Decision(done, List.of(), Optional.of(ending));
        }
        SagaCommand first = pending.getFirst();
        PlaceOrderSaga saga = new PlaceOrderSaga(
                Phase.COMPENSATING,
                step,
                pending,
                ending,
                reason,
                Wait.forNew(timeouts.compensation()),
                1,
                append(log, new LogEntry(first + " sent", now)));
        return new Decision(saga, List.of(first), Optional.empty());
    }

    private static String failureReason(SagaReply reply, String detail) {
        return switch (reply) {
            case STOCK_RESERVATION_FAILED ->
                detail == null ? "Some items are no longer in stock." : "Some items are no longer in stock: " + detail;
            case PAYMENT_DECLINED -> detail == null ? "The payment was declined." : detail;
            case RESERVATION_CONFIRMATION_FAILED ->
                "Your items could not be held until the payment went through. You were not charged.";
            case PAYMENT_CAPTURE_FAILED -> "The payment could not be completed. You were not charged.";
            default -> throw new IllegalArgumentException(reply + " is not a failure");
        };
    }

    private static List<Step> stepsBefore(Step step) {
        return Arrays.asList(Step.values()).subList(0, step.ordinal());
    }

    private static List<Step> stepsUpTo(Step step) {
        return Arrays.asList(Step.values()).subList(0, step.ordinal() + 1);
    }

    private List<LogEntry> logged(String entry, Instant at) {
        return append(log, new LogEntry(entry, at));
    }

    private static List<LogEntry> append(List<LogEntry> log, LogEntry entry) {
        List<LogEntry> longer = new ArrayList<>(log);
        longer.add(entry);
        return longer;
    }
}
