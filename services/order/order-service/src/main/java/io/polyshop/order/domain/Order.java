package io.polyshop.order.domain;

import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.order.domain.PlaceOrderSaga.Decision;
import io.polyshop.order.domain.PlaceOrderSaga.Ending;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's order with its checkout saga. The saga decides; the order follows its endings with
 * its status and history. The payment method's token is kept only until the payment is asked
 * for, and is never shown.
 *
 * @param version bumped by every stored change, so that two writers cannot both win
 */
public record Order(
        OrderId id,
        String customerId,
        boolean fromCart,
        List<OrderLine> lines,
        ShippingAddress address,
        Totals totals,
        OrderStatus status,
        List<StatusChange> history,
        PlaceOrderSaga saga,
        Optional<String> paymentMethod,
        Instant placedAt,
        long version) {

    /** The order after an event, the commands to send for it and the news to tell. */
    public record Progress(Order order, List<SagaCommand> commands, List<OrderNews> news) {}

    public Order {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    public static Progress place(
            OrderId id,
            String customerId,
            boolean fromCart,
            List<OrderLine> lines,
            ShippingAddress address,
            PricingPolicy pricing,
            String paymentMethod,
            Instant now,
            SagaTimeouts timeouts) {
        if (lines.size() > CommerceRules.MAX_LINES) {
            throw new InvalidOrderException("lines", CommerceRules.MAX_LINES_RULE);
        }
        Totals totals = pricing.totals(lines, address);
        if (!CommerceRules.isAmount(totals.grandTotal().amount())) {
            throw new InvalidOrderException("lines", "add up to a total that " + CommerceRules.AMOUNT_RULE);
        }
        Decision started = PlaceOrderSaga.start(now, timeouts);
        Order order = new Order(
                id,
                customerId,
                fromCart,
                lines,
                address,
                totals,
                OrderStatus.PENDING,
                List.of(new StatusChange(OrderStatus.PENDING, "Order received; checking stock and payment.", now)),
                started.saga(),
                Optional.of(paymentMethod),
                now,
                0);
        return new Progress(order, started.commands(), List.of());
    }

    public Optional<Progress> on(SagaReply reply, String detail, Instant now, SagaTimeouts timeouts) {
        return saga.on(reply, detail, now, timeouts).map(decision -> follow(decision, now));
    }

    public Optional<Progress> timedOut(Instant now, SagaTimeouts timeouts) {
        return saga.timedOut(now, timeouts).map(decision -> follow(decision, now));
    }

    /** An operator's retry of a checkout whose undoing needs attention; empty when it does not. */
    public Optional<Progress> resume(Instant now, SagaTimeouts timeouts) {
        return saga.resume(now, timeouts).map(decision -> follow(decision, now));
    }

    /**
     * Cancels the order: a checkout still running stops and is undone, a confirmed order is undone
     * and given back. Cancelling again changes nothing.
     *
     * @throws OrderConflictException when the order shipped or was rejected
     */
    public Progress cancel(Instant now, SagaTimeouts timeouts) {
        switch (status) {
            case SHIPPED -> throw new OrderConflictException("The order has shipped and can no longer be cancelled.");
            case REJECTED -> throw new OrderConflictException("The order was rejected; there is nothing to cancel.");
            case CANCELLING, CANCELLED -> {
                return new Progress(this, List.of(), List.of());
            }
            default -> {}
        }
        Optional<Decision> decision = saga.cancel(now, timeouts);
        if (decision.isEmpty()) {
            // The checkout is already being undone after a failure; it ends rejected.
            return new Progress(this, List.of(), List.of());
        }
        Progress progress = follow(decision.get(), now);
        if (status == OrderStatus.CONFIRMED && progress.order().status() == OrderStatus.CONFIRMED) {
            Order cancelling = progress.order()
                    .withStatus(OrderStatus.CANCELLING, "Cancellation requested; giving back stock and payment.", now);
            return new Progress(cancelling, progress.commands(), progress.news());
        }
        return progress;
    }

    /** Hands the order over for delivery; from now on it cannot be cancelled. */
    public Order ship(Instant now) {
        if (status != OrderStatus.CONFIRMED) {
            throw new OrderConflictException("Only a confirmed order can ship; this one is " + status + ".");
        }
        return withStatus(OrderStatus.SHIPPED, "Handed over for delivery.", now);
    }

    private Progress follow(Decision decision, Instant now) {
        boolean paymentAsked = !decision.saga().phase().equals(PlaceOrderSaga.Phase.RUNNING)
                || decision.saga().step().ordinal() > PlaceOrderSaga.Step.AUTHORIZE_PAYMENT.ordinal();
        Order next = new Order(
                id,
                customerId,
                fromCart,
                lines,
                address,
                totals,
                status,
                history,
                decision.saga(),
                paymentAsked ? Optional.empty() : paymentMethod,
                placedAt,
                version);
        List<OrderNews> news = new ArrayList<>();
        if (decision.ended().isPresent()) {
            Ending ending = decision.ended().get();
            switch (ending) {
                case CONFIRMED -> {
                    next = next.withStatus(OrderStatus.CONFIRMED, "Payment received and items set aside.", now);
                    news.add(OrderNews.CONFIRMED);
                    news.add(OrderNews.PLACED);
                }
                case REJECTED -> {
                    next = next.withStatus(OrderStatus.REJECTED, decision.saga().reason(), now);
                    news.add(OrderNews.REJECTED);
                }
                case CANCELLED -> {
                    next = next.withStatus(
                            OrderStatus.CANCELLED, decision.saga().reason(), now);
                    news.add(OrderNews.CANCELLED);
                }
            }
        }
        return new Progress(next, decision.commands(), news);
    }

    private Order withStatus(OrderStatus to, String reason, Instant now) {
        List<StatusChange> longer = new ArrayList<>(history);
        longer.add(new StatusChange(to, reason, now));
        return new Order(
                id, customerId, fromCart, lines, address, totals, to, longer, saga, paymentMethod, placedAt, version);
    }
}
