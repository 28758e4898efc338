package io.polyshop.order.application;

import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.order.application.port.out.Orders;
import io.polyshop.order.application.port.out.Prices;
import io.polyshop.order.application.port.out.SagaMessages;
import io.polyshop.order.domain.InvalidOrderException;
import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.Order.Progress;
import io.polyshop.order.domain.OrderConflictException;
import io.polyshop.order.domain.OrderId;
import io.polyshop.order.domain.OrderLine;
import io.polyshop.order.domain.OrderRefusedException;
import io.polyshop.order.domain.OrderRefusedException.Reason;
import io.polyshop.order.domain.PricingPolicy;
import io.polyshop.order.domain.SagaReply;
import io.polyshop.order.domain.SagaTimeouts;
import io.polyshop.order.domain.Sku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Placing, advancing and cancelling orders. Each change of an order is one transaction: the
 * order row (status, history and saga state together) and the outbox rows of the commands and news
 * it causes, so a command exists exactly when the saga state that sent it does.
 */
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final int OVERDUE_BATCH = 100;
    private static final Duration FAILED_SAGA_PAUSE = Duration.ofSeconds(30);

    private final Orders orders;
    private final Prices prices;
    private final SagaMessages messages;
    private final PricingPolicy pricing;
    private final SagaTimeouts timeouts;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final Duration timerAway;

    /** @param timerAway a pause between sweeps longer than this means no timer ran (see {@link #handleOverdue()}) */
    public Checkout(
            Orders orders,
            Prices prices,
            SagaMessages messages,
            PricingPolicy pricing,
            SagaTimeouts timeouts,
            Clock clock,
            TransactionOperations transactions,
            Duration timerAway) {
        this.orders = orders;
        this.prices = prices;
        this.messages = messages;
        this.pricing = pricing;
        this.timeouts = timeouts;
        this.clock = clock;
        this.transactions = transactions;
        this.timerAway = timerAway;
    }

    /** Prices the request from the local read model, stores the order and starts its saga. */
    public Order place(PlaceOrder request) {
        if (!CommerceRules.isPaymentToken(request.paymentMethod())) {
            throw new InvalidOrderException("paymentMethod", CommerceRules.PAYMENT_TOKEN_RULE);
        }
        if (request.lines().isEmpty()) {
            throw new OrderRefusedException(
                    Reason.EMPTY_ORDER,
                    request.fromCart() ? "The cart is empty; there is nothing to order." : "The order has no lines.");
        }
        Set<Sku> skus = new HashSet<>();
        for (PlaceOrder.Line line : request.lines()) {
            if (!skus.add(line.sku())) {
                throw new InvalidOrderException(
                        "lines", "list each SKU once; " + line.sku().value() + " repeats");
            }
        }
        Map<Sku, CatalogPrice> current = prices.current(skus);
        List<OrderLine> lines = request.lines().stream()
                .map(line -> priced(line, current.get(line.sku())))
                .toList();
        boolean stale = request.lines().stream()
                .anyMatch(line -> line.seenUnitPrice()
                        .map(price ->
                                price.compareTo(current.get(line.sku()).price().amount()) != 0)
                        .orElse(false));
        if (stale) {
            List<CatalogPrice> seen = request.lines().stream()
                    .map(line -> current.get(line.sku()))
                    .toList();
            throw new StalePricesException(seen);
        }
        Instant now = clock.instant();
        Progress placed = Order.place(
                OrderId.newId(),
                request.customerId(),
                request.fromCart(),
                lines,
                request.address(),
                pricing,
                request.paymentMethod(),
                now,
                timeouts);
        Money total = placed.order().totals().grandTotal();
        request.expectedTotal()
                .filter(expected -> !expected.currency().equals(total.currency())
                        || expected.amount().compareTo(total.amount()) != 0)
                .ifPresent(expected -> {
                    throw new OrderRefusedException(
                            Reason.TOTAL_MISMATCH,
                            "The order's total is " + total.amount().toPlainString() + " "
                                    + total.currency().getCurrencyCode() + ", not "
                                    + expected.amount().toPlainString() + " "
                                    + expected.currency().getCurrencyCode() + ".");
                });
        transactions.executeWithoutResult(status -> {
            orders.insert(placed.order());
            send(placed);
        });
        return placed.order();
    }

    /** A participant answered; the saga moves on if it was waiting for this answer. */
    public void onReply(OrderId id, SagaReply reply, String detail) {
        transactions.executeWithoutResult(status -> orders.lock(id)
                .flatMap(order -> order.on(reply, detail, clock.instant(), timeouts))
                .ifPresent(this::store));
    }

    /**
     * Starts the clocks of commands published since the last sweep, then gives up on, or retries,
     * every saga step waiting past its deadline; answers how many overdue sagas were looked at. Each
     * saga is handled on its own: one that fails (a row that cannot be read, a store hiccup) is put
     * off for a while and logged, and the sweep goes on with the others. Time in which no timer ran
     * (every instance down, or cut off from the database) does not count against a step: replies
     * wait in Kafka meanwhile, and are read before the saga gives up on them.
     */
    public int handleOverdue() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> orders.sweptAt(now)
                .map(before -> Duration.between(before, now))
                .filter(gap -> gap.compareTo(timerAway) > 0)
                .ifPresent(gap -> {
                    int moved = orders.moveClocksOn(gap);
                    log.info("no saga timer ran for {}; {} running clocks moved on by that", gap, moved);
                }));
        orders.startClocks();
        List<OrderId> overdue = orders.overdue(now, OVERDUE_BATCH);
        for (OrderId id : overdue) {
            try {
                transactions.executeWithoutResult(status -> orders.lock(id)
                        .flatMap(order -> order.timedOut(now, timeouts))
                        .ifPresent(this::store));
            } catch (RuntimeException e) {
                log.error("the saga of order {} could not be handled; trying again in {}", id, FAILED_SAGA_PAUSE, e);
                transactions.executeWithoutResult(status -> orders.postpone(id, now.plus(FAILED_SAGA_PAUSE)));
            }
        }
        return overdue.size();
    }

    /** An operator sends the pending compensation of a saga that needs attention again. */
    public Order resume(OrderId id) {
        return transactions.execute(status -> {
            Order order = orders.lock(id).orElseThrow(() -> new UnknownOrderException(id));
            Progress resumed = order.resume(clock.instant(), timeouts)
                    .orElseThrow(
                            () -> new OrderConflictException("The checkout of this order does not need attention."));
            store(resumed);
            return resumed.order();
        });
    }

    public Order cancel(OrderId id) {
        return transactions.execute(status -> {
            Order order = orders.lock(id).orElseThrow(() -> new UnknownOrderException(id));
            Progress cancelled = order.cancel(clock.instant(), timeouts);
            if (!cancelled.order().equals(order)) {
                store(cancelled);
            }
            return cancelled.order();
        });
    }

    public Order ship(OrderId id) {
        return transactions.execute(status -> {
            Order order = orders.lock(id).orElseThrow(() -> new UnknownOrderException(id));
            Order shipped = order.ship(clock.instant());
            orders.update(shipped);
            return shipped;
        });
    }

    private void store(Progress progress) {
        orders.update(progress.order());
        send(progress);
    }

    private void send(Progress progress) {
        progress.commands().forEach(command -> messages.send(progress.order(), command));
        progress.news().forEach(news -> messages.announce(progress.order(), news));
    }

    private static OrderLine priced(PlaceOrder.Line line, CatalogPrice price) {
        if (price == null) {
            throw new OrderRefusedException(
                    Reason.UNKNOWN_SKU,
                    "There is no product with SKU " + line.sku().value() + ".");
        }
        if (!price.purchasable()) {
            throw new OrderRefusedException(
                    Reason.NOT_AVAILABLE, price.name() + " (" + line.sku().value() + ") is no longer for sale.");
        }
        return new OrderLine(line.sku(), price.productId(), price.name(), line.quantity(), price.price());
    }
}
