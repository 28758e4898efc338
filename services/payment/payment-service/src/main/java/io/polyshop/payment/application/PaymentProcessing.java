package io.polyshop.payment.application;

import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.payment.application.port.out.PaymentProvider;
import io.polyshop.payment.application.port.out.PaymentReplies;
import io.polyshop.payment.application.port.out.Payments;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.InvalidPaymentException;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.PaymentStatus;
import io.polyshop.payment.domain.ProviderOutcome;
import io.polyshop.payment.domain.ProviderOutcome.Approved;
import io.polyshop.payment.domain.ProviderOutcome.Refused;
import io.polyshop.payment.domain.ProviderOutcome.Unavailable;
import io.polyshop.payment.domain.StatusChange;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The saga's payment commands. Each is idempotent by payment id: the payment's status decides what
 * a repeat does (usually: answer again), every change is conditional on the status it leaves, and
 * every provider call carries a per-operation idempotency key. The provider is never called inside
 * a database transaction, so a slow provider holds no locks.
 */
public class PaymentProcessing {

    public static final String SAGA = "checkout-saga";
    public static final String PROVIDER = "payment-provider";

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);
    private static final int ATTEMPTS = 3;

    private final Payments store;
    private final PaymentProvider provider;
    private final PaymentReplies replies;
    private final TransactionOperations transactions;

    public PaymentProcessing(
            Payments store, PaymentProvider provider, PaymentReplies replies, TransactionOperations transactions) {
        this.store = store;
        this.provider = provider;
        this.replies = replies;
        this.transactions = transactions;
    }

    /** Opens the payment and asks the provider to hold the amount; answers {@code replyTo} either way. */
    public void authorize(
            PaymentId id,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            Optional<String> replyTo) {
        if (!CommerceRules.isPaymentToken(paymentMethod)) {
            throw new InvalidPaymentException("paymentMethod", CommerceRules.PAYMENT_TOKEN_RULE);
        }
        Payment requested = Payment.authorizing(id, orderId, customerId, amount, replyTo);
        boolean opened = Boolean.TRUE.equals(
                transactions.execute(status -> store.open(requested, "authorization requested", SAGA)));
        Payment current = opened ? requested : store.find(id).orElseThrow();
        if (!current.sameRequest(orderId, customerId, amount) && current.status() != PaymentStatus.VOIDED) {
            inTransaction(() ->
                    replyTo.ifPresent(topic -> replies.declined(id, orderId, DeclineCode.CONFLICTING_COMMAND, topic)));
            return;
        }
        if (current.status() != PaymentStatus.AUTHORIZING) {
            inTransaction(() -> replyTo.ifPresent(topic -> answerAuthorization(current, orderId, topic)));
            return;
        }
        ProviderOutcome outcome = provider.authorize(id.operationKey("authorize"), amount, paymentMethod);
        settleAuthorization(current, outcome, PROVIDER);
    }

    /**
     * An authorization's outcome reported by the provider itself (a webhook), possibly while the
     * command that asked for it is still waiting or being retried: whichever arrives first settles
     * the payment, the other finds it settled.
     */
    public void providerReported(PaymentId id, ProviderOutcome outcome) {
        settleAuthorization(store.find(id).orElseThrow(() -> new UnknownPaymentException(id)), outcome, PROVIDER);
    }

    public void capture(PaymentId id, Optional<String> replyTo) {
        Optional<Payment> found = store.find(id);
        if (found.isEmpty()) {
            inTransaction(() -> replyTo.ifPresent(topic -> replies.captureFailed(id, null, "no such payment", topic)));
            return;
        }
        Payment payment = found.get();
        if (payment.status() != PaymentStatus.AUTHORIZED) {
            inTransaction(() -> replyTo.ifPresent(topic -> answerCapture(payment, topic)));
            return;
        }
        ProviderOutcome outcome = provider.capture(
                id.operationKey("capture"),
                payment.providerReference().orElseThrow(),
                payment.amount().orElseThrow());
        switch (outcome) {
            case Approved approved -> {
                Optional<Payment> captured = transition(
                        payment,
                        PaymentStatus.AUTHORIZED,
                        current -> current.capture(PROVIDER),
                        after -> replyTo.ifPresent(topic -> answerCapture(after, topic)));
                if (captured.isEmpty()) {
                    // Voided meanwhile: the saga still gets an answer, from where the payment stands now.
                    Payment now = store.find(id).orElseThrow();
                    inTransaction(() -> replyTo.ifPresent(topic -> answerCapture(now, topic)));
                }
            }
            case Refused refused ->
                inTransaction(() -> replyTo.ifPresent(
                        topic -> replies.captureFailed(id, payment.orderId(), refused.reason(), topic)));
            case Unavailable unavailable -> throw new ProviderUnavailableException("capture", unavailable.reason());
        }
    }

    /** Gives the money back: voids what is held, refunds what was taken, blocks what has not arrived yet. */
    public void voidPayment(PaymentId id, String reason, Optional<String> replyTo) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Payment> found = store.find(id);
            if (found.isEmpty()) {
                Boolean opened = transactions.execute(status -> {
                    boolean blocked = store.open(Payment.voidedUnseen(id), reason, SAGA);
                    if (blocked) {
                        replyTo.ifPresent(topic -> replies.voided(id, null, reason, topic));
                    }
                    return blocked;
                });
                if (Boolean.TRUE.equals(opened)) {
                    return;
                }
                continue;
            }
            Payment payment = found.get();
            Optional<Payment> settled = switch (payment.status()) {
                case AUTHORIZING ->
                    transition(
                            payment, PaymentStatus.AUTHORIZING, current -> current.cancel(reason, SAGA), after -> {});
                case AUTHORIZED -> {
                    demand("void", provider.voidAuthorization(id.operationKey("void"), reference(payment)));
                    yield transition(
                            payment,
                            PaymentStatus.AUTHORIZED,
                            current -> current.cancel(reason, PROVIDER),
                            after -> {});
                }
                case CAPTURED -> {
                    demand(
                            "refund",
                            provider.refund(
                                    id.operationKey("refund"),
                                    reference(payment),
                                    payment.amount().orElseThrow()));
                    yield transition(
                            payment,
                            PaymentStatus.CAPTURED,
                            current -> current.refund(reason, PROVIDER),
                            after -> replies.announceRefund(after, reason));
                }
                case DECLINED, VOIDED, REFUNDED -> Optional.of(payment);
            };
            if (settled.isPresent()) {
                Payment after = settled.get();
                inTransaction(() -> replyTo.ifPresent(topic -> answerVoid(after, reason, topic)));
                return;
            }
        }
        throw new IllegalStateException("payment " + id + " kept changing while it was being voided");
    }

    private void settleAuthorization(Payment known, ProviderOutcome outcome, String actor) {
        Payment after = transition(
                        known,
                        PaymentStatus.AUTHORIZING,
                        current -> switch (outcome) {
                            case Approved approved -> current.approve(approved.reference(), actor);
                            case Refused refused -> current.decline(refused.code(), refused.reason(), actor);
                            case Unavailable unavailable ->
                                current.decline(DeclineCode.PROVIDER_UNAVAILABLE, unavailable.reason(), actor);
                        },
                        changed -> changed.replyTo()
                                .ifPresent(topic -> answerAuthorization(changed, changed.orderId(), topic)))
                .orElseGet(() -> store.find(known.id()).orElseThrow());
        boolean heldForNothing = after.status() != PaymentStatus.AUTHORIZED
                && after.status() != PaymentStatus.CAPTURED
                && after.status() != PaymentStatus.REFUNDED;
        if (outcome instanceof Approved approved && heldForNothing) {
            // Approved after the payment was cancelled or given up on: release the hold at once.
            log.info("voiding a late authorization of {} payment {}", after.status(), known.id());
            demand("void", provider.voidAuthorization(known.id().operationKey("void-late"), approved.reference()));
        }
    }

    /**
     * Applies {@code step} to the payment if it is still in {@code expected}, with {@code effect} in
     * the same transaction; empty when the payment had moved on and the caller must look again.
     * The change is tried on the payment as last read (one conditional statement); only if that
     * finds it moved is the row locked and read again.
     */
    private Optional<Payment> transition(
            Payment known, PaymentStatus expected, Function<Payment, StatusChange> step, Consumer<Payment> effect) {
        return Optional.ofNullable(transactions.execute(status -> {
            if (known.status() == expected) {
                StatusChange change = step.apply(known);
                if (store.apply(change)) {
                    effect.accept(change.after());
                    return change.after();
                }
            }
            Payment current = store.lock(known.id()).orElseThrow();
            if (current.status() != expected) {
                return null;
            }
            StatusChange change = step.apply(current);
            store.apply(change);
            effect.accept(change.after());
            return change.after();
        }));
    }

    private void answerAuthorization(Payment payment, String orderId, String topic) {
        switch (payment.status()) {
            case AUTHORIZED, CAPTURED -> replies.authorized(payment, topic);
            case DECLINED ->
                replies.declined(payment.id(), orderId, payment.declineCode().orElseThrow(), topic);
            case VOIDED, REFUNDED -> replies.declined(payment.id(), orderId, DeclineCode.VOIDED, topic);
            case AUTHORIZING -> {
                // Still with the provider: the settlement answers.
            }
        }
    }

    private void answerCapture(Payment payment, String topic) {
        if (payment.status() == PaymentStatus.CAPTURED) {
            replies.captured(payment, topic);
        } else {
            replies.captureFailed(
                    payment.id(),
                    payment.orderId(),
                    "the payment is " + payment.status().name().toLowerCase(),
                    topic);
        }
    }

    private void answerVoid(Payment payment, String reason, String topic) {
        if (payment.status() == PaymentStatus.REFUNDED) {
            replies.refunded(payment, reason, topic);
        } else {
            replies.voided(payment.id(), payment.orderId(), reason, topic);
        }
    }

    private static String reference(Payment payment) {
        return payment.providerReference().orElseThrow();
    }

    private static void demand(String operation, ProviderOutcome outcome) {
        switch (outcome) {
            case Approved approved -> {}
            case Refused refused ->
                throw new IllegalStateException("the provider refused to " + operation + ": " + refused.reason());
            case Unavailable unavailable -> throw new ProviderUnavailableException(operation, unavailable.reason());
        }
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
