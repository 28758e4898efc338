package io.polyshop.inventory.adapter.out.dynamodb;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.polyshop.inventory.application.InsufficientStockException;
import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.application.port.out.Stock;
import io.polyshop.inventory.domain.LedgerEntry;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.ReservationStatus;
import io.polyshop.inventory.domain.Shortage;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockChange;
import io.polyshop.inventory.domain.StockLevel;
import io.polyshop.inventory.domain.StockLine;
import io.polyshop.platform.messaging.DynamoDbOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stock on DynamoDB. Every change is one {@code TransactWriteItems}: the stock items with their
 * conditions (a reservation only if {@code available >= quantity} for every line), the ledger
 * entries, the reservation item with its own condition, and the outbox items. DynamoDB applies all
 * of it or none, so stock, ledger and replies never disagree. A transaction that collided with a
 * concurrent one on the same item is tried again after a short random pause.
 */
public class DynamoDbStock implements Stock {

    private static final String HELD = "HELD";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";
    private static final int MAX_ATTEMPTS = 100;

    // Hot SKUs collide often under load; short pauses, spread apart, let the writers take turns.
    private final Retry collisions = Retry.of(
            "inventory-transaction-collisions",
            RetryConfig.custom()
                    .maxAttempts(MAX_ATTEMPTS)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                            Duration.ofMillis(2), 1.2, 0.5, Duration.ofMillis(20)))
                    .retryOnException(DynamoDbStock::collided)
                    .build());
    private static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamo;
    private final InventoryTables tables;
    private final DynamoDbOutbox outbox;
    private final Clock clock;
    private final HoldCombiner combiner;

    public DynamoDbStock(DynamoDbClient dynamo, InventoryTables tables, DynamoDbOutbox outbox, Clock clock) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.outbox = outbox;
        this.clock = clock;
        this.combiner = new HoldCombiner(this::holdTogether, MAX_TRANSACTION_ITEMS);
    }

    @Override
    public Optional<StockLevel> level(Sku sku) {
        return stockItem(sku).map(item -> toLevel(sku, item));
    }

    @Override
    public StockLevel adjust(Sku sku, long delta, StockChange change) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .update(update -> {
                    update.tableName(tables.stock())
                            .key(skuKey(sku))
                            .updateExpression("ADD onHand :delta, available :delta"
                                    + " SET reserved = if_not_exists(reserved, :zero)");
                    if (delta < 0) {
                        update.conditionExpression("available >= :removed")
                                .expressionAttributeValues(Map.of(
                                        ":delta", number(delta), ":zero", number(0), ":removed", number(-delta)));
                    } else {
                        update.expressionAttributeValues(Map.of(":delta", number(delta), ":zero", number(0)));
                    }
                })
                .build());
        items.add(ledgerEntry(sku, delta, 0, change.reason(), change.actor()));
        if (!commit(items).isEmpty()) {
            throw new InsufficientStockException("cannot remove " + -delta + " of " + sku + ": only "
                    + level(sku).map(StockLevel::available).orElse(0L) + " are available (the rest is reserved)");
        }
        return level(sku).orElseThrow();
    }

    @Override
    public StockLevel set(Sku sku, long onHand, StockChange change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<StockLevel> current = level(sku);
            long reserved = current.map(StockLevel::reserved).orElse(0L);
            if (onHand < reserved) {
                throw new InsufficientStockException(
                        "cannot set " + sku + " to " + onHand + ": " + reserved + " are reserved");
            }
            long delta = onHand - current.map(StockLevel::onHand).orElse(0L);
            if (delta == 0) {
                return current.orElseGet(() -> StockLevel.none(sku));
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":onHand", number(onHand));
            values.put(":reserved", number(reserved));
            values.put(":available", number(onHand - reserved));
            String condition;
            if (current.isPresent()) {
                condition = "onHand = :seenOnHand AND reserved = :reserved";
                values.put(":seenOnHand", number(current.get().onHand()));
            } else {
                condition = "attribute_not_exists(sku)";
            }
            List<TransactWriteItem> items = List.of(
                    TransactWriteItem.builder()
                            .update(update -> update.tableName(tables.stock())
                                    .key(skuKey(sku))
                                    .updateExpression(
                                            "SET onHand = :onHand, reserved = :reserved, available = :available")
                                    .conditionExpression(condition)
                                    .expressionAttributeValues(values))
                            .build(),
                    ledgerEntry(sku, delta, 0, change.reason(), change.actor()));
            if (commit(items).isEmpty()) {
                return new StockLevel(sku, onHand, reserved);
            }
        }
        throw new IllegalStateException("stock of " + sku + " kept changing; it was not set");
    }

    @Override
    public List<LedgerEntry> ledger(Sku sku, Optional<String> before, int size) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sku", AttributeValue.fromS(sku.value()));
        before.ifPresent(entry -> values.put(":before", AttributeValue.fromS(entry)));
        return dynamo
                .query(query -> query.tableName(tables.ledger())
                        .keyConditionExpression("sku = :sku" + (before.isPresent() ? " AND entry < :before" : ""))
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(size))
                .items()
                .stream()
                .map(item -> new LedgerEntry(
                        sku,
                        item.get("entry").s(),
                        Long.parseLong(item.get("onHandChange").n()),
                        Long.parseLong(item.get("reservedChange").n()),
                        item.get("reason").s(),
                        item.get("reference").s(),
                        Instant.parse(item.get("at").s())))
                .toList();
    }

    @Override
    public Optional<Reservation> reservation(ReservationId id) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(tables.reservations())
                        .key(Map.of("id", AttributeValue.fromS(id.value())))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReservationItems.toReservation(item));
    }

    @Override
    public HoldOutcome hold(Reservation reservation, List<InventoryNews> messages) {
        return combiner.hold(new HoldCombiner.Hold(reservation, messages));
    }

    /**
     * Holds a group of reservations in one transaction: one conditional update per SKU for the
     * group's total, each reservation's item, ledger entries and messages. If anything refuses
     * (a SKU short of the total, an id taken), each reservation is tried again on its own, so
     * none is ever held in part.
     */
    private List<HoldOutcome> holdTogether(List<HoldCombiner.Hold> group) {
        if (group.size() == 1) {
            HoldCombiner.Hold only = group.getFirst();
            return List.of(holdAlone(only.reservation(), only.messages()));
        }
        Map<Sku, Integer> totals = new LinkedHashMap<>();
        List<TransactWriteItem> items = new ArrayList<>();
        for (HoldCombiner.Hold hold : group) {
            Reservation reservation = hold.reservation();
            items.add(newReservation(reservation));
            for (StockLine line : reservation.lines()) {
                totals.merge(line.sku(), line.quantity(), Integer::sum);
                items.add(ledgerEntry(
                        line.sku(),
                        0,
                        line.quantity(),
                        "reserved",
                        reservation.id().value()));
            }
            items.addAll(outboxItems(hold.messages()));
        }
        totals.forEach((sku, quantity) -> items.add(reserveUnits(sku, quantity)));
        if (commit(items).isEmpty()) {
            return group.stream()
                    .map(hold -> (HoldOutcome) new HoldOutcome.Held())
                    .toList();
        }
        return group.stream()
                .map(hold -> holdAlone(hold.reservation(), hold.messages()))
                .toList();
    }

    private HoldOutcome holdAlone(Reservation reservation, List<InventoryNews> messages) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(newReservation(reservation));
        for (StockLine line : reservation.lines()) {
            items.add(reserveUnits(line.sku(), line.quantity()));
        }
        for (StockLine line : reservation.lines()) {
            items.add(ledgerEntry(
                    line.sku(), 0, line.quantity(), "reserved", reservation.id().value()));
        }
        items.addAll(outboxItems(messages));
        List<CancellationReason> refused = commit(items);
        if (refused.isEmpty()) {
            return new HoldOutcome.Held();
        }
        if (CONDITION_FAILED.equals(refused.getFirst().code())) {
            return new HoldOutcome.Taken();
        }
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < reservation.lines().size(); i++) {
            CancellationReason reason = refused.get(1 + i);
            if (CONDITION_FAILED.equals(reason.code())) {
                StockLine line = reservation.lines().get(i);
                long available = reason.hasItem() && reason.item().containsKey("available")
                        ? Long.parseLong(reason.item().get("available").n())
                        : 0;
                shortages.add(new Shortage(line.sku(), line.quantity(), available));
            }
        }
        return new HoldOutcome.Short(shortages);
    }

    private TransactWriteItem reserveUnits(Sku sku, int quantity) {
        return TransactWriteItem.builder()
                .update(update -> update.tableName(tables.stock())
                        .key(skuKey(sku))
                        .updateExpression("SET available = available - :quantity, reserved = reserved + :quantity")
                        .conditionExpression("available >= :quantity")
                        .expressionAttributeValues(Map.of(":quantity", number(quantity)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    @Override
    public boolean record(Reservation reservation, List<InventoryNews> messages) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(newReservation(reservation));
        items.addAll(outboxItems(messages));
        return commit(items).isEmpty();
    }

    @Override
    public boolean transition(Reservation current, Reservation next, List<InventoryNews> messages) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":current", AttributeValue.fromS(current.status().name()));
        values.put(":next", AttributeValue.fromS(next.status().name()));
        values.put(
                ":reason", next.reason() == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(next.reason()));
        items.add(TransactWriteItem.builder()
                .update(update -> update.tableName(tables.reservations())
                        .key(Map.of("id", AttributeValue.fromS(current.id().value())))
                        .updateExpression("SET #status = :next, reason = :reason REMOVE heldShard")
                        .conditionExpression("#status = :current")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(values))
                .build());
        String reference = current.id().value();
        for (StockLine line : current.lines()) {
            int quantity = line.quantity();
            StockMove move = StockMove.of(current.status(), next.status(), quantity);
            items.add(TransactWriteItem.builder()
                    .update(update -> update.tableName(tables.stock())
                            .key(skuKey(line.sku()))
                            .updateExpression(move.expression())
                            .conditionExpression(move.condition())
                            .expressionAttributeValues(Map.of(":quantity", number(quantity))))
                    .build());
            String why = next.reason() == null ? move.ledgerReason() : move.ledgerReason() + ": " + next.reason();
            items.add(ledgerEntry(line.sku(), move.onHandChange(), move.reservedChange(), why, reference));
        }
        items.addAll(outboxItems(messages));
        return commit(items).isEmpty();
    }

    /** How a reservation's step moves one line's stock. */
    private record StockMove(
            String expression, String condition, long onHandChange, long reservedChange, String ledgerReason) {

        static StockMove of(ReservationStatus from, ReservationStatus to, int quantity) {
            return switch (from) {
                case HELD ->
                    to == ReservationStatus.CONFIRMED
                            ? new StockMove(
                                    "SET onHand = onHand - :quantity, reserved = reserved - :quantity",
                                    "reserved >= :quantity",
                                    -quantity,
                                    -quantity,
                                    "sold")
                            : new StockMove(
                                    "SET reserved = reserved - :quantity, available = available + :quantity",
                                    "reserved >= :quantity",
                                    0,
                                    -quantity,
                                    "released");
                case CONFIRMED ->
                    new StockMove(
                            "SET onHand = onHand + :quantity, available = available + :quantity",
                            "attribute_exists(sku)",
                            quantity,
                            0,
                            "returned");
                case RELEASED, REJECTED -> throw new IllegalStateException("a " + from + " reservation holds nothing");
            };
        }
    }

    @Override
    public void publish(List<InventoryNews> messages) {
        if (!messages.isEmpty() && !commit(outboxItems(messages)).isEmpty()) {
            throw new IllegalStateException("the outbox refused a write without conditions");
        }
    }

    @Override
    public List<ReservationId> expiredHolds(Instant now, int limit) {
        return dynamo
                .query(query -> query.tableName(tables.reservations())
                        .indexName(InventoryTables.HELD_BY_EXPIRY)
                        .keyConditionExpression("heldShard = :held AND expiresAt <= :now")
                        .expressionAttributeValues(
                                Map.of(":held", AttributeValue.fromS(HELD), ":now", number(now.toEpochMilli())))
                        .limit(limit))
                .items()
                .stream()
                .map(item -> new ReservationId(item.get("id").s()))
                .toList();
    }

    @Override
    public void watchLowStock(Sku sku, long threshold, Function<StockLevel, InventoryNews> alert) {
        Optional<Map<String, AttributeValue>> item = stockItem(sku);
        if (item.isEmpty()) {
            return;
        }
        StockLevel level = toLevel(sku, item.get());
        AttributeValue flag = item.get().get("lowFlagged");
        boolean flagged = flag != null && Boolean.TRUE.equals(flag.bool());
        if (level.available() < threshold && !flagged) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .update(update -> update.tableName(tables.stock())
                            .key(skuKey(sku))
                            .updateExpression("SET lowFlagged = :true")
                            .conditionExpression("available < :threshold AND (attribute_not_exists(lowFlagged)"
                                    + " OR lowFlagged = :false)")
                            .expressionAttributeValues(Map.of(
                                    ":threshold", number(threshold),
                                    ":true", AttributeValue.fromBool(true),
                                    ":false", AttributeValue.fromBool(false))))
                    .build());
            items.addAll(outboxItems(List.of(alert.apply(level))));
            commit(items);
        } else if (level.available() >= threshold && flagged) {
            try {
                dynamo.updateItem(update -> update.tableName(tables.stock())
                        .key(skuKey(sku))
                        .updateExpression("SET lowFlagged = :false")
                        .conditionExpression("available >= :threshold AND lowFlagged = :true")
                        .expressionAttributeValues(Map.of(
                                ":threshold", number(threshold),
                                ":true", AttributeValue.fromBool(true),
                                ":false", AttributeValue.fromBool(false))));
            } catch (ConditionalCheckFailedException fellAgainMeanwhile) {
                // the next change of this SKU looks again
            }
        }
    }

    /**
     * Writes {@code items} as one transaction; returns nothing when it committed, or why each item
     * refused when a condition failed. A collision with a concurrent transaction on the same items
     * is tried again after a short, jittered pause.
     */
    private List<CancellationReason> commit(List<TransactWriteItem> items) {
        return collisions.executeSupplier(() -> {
            try {
                dynamo.transactWriteItems(write -> write.transactItems(items));
                outbox.written(items);
                return List.of();
            } catch (TransactionCanceledException canceled) {
                List<CancellationReason> reasons = canceled.cancellationReasons();
                if (reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()))) {
                    return reasons;
                }
                throw canceled;
            }
        });
    }

    private static boolean collided(Throwable failure) {
        return failure instanceof TransactionCanceledException canceled
                && canceled.cancellationReasons().stream().anyMatch(reason -> CONFLICT.equals(reason.code()));
    }

    private TransactWriteItem newReservation(Reservation reservation) {
        Map<String, AttributeValue> item = ReservationItems.toItem(reservation);
        if (reservation.status() == ReservationStatus.HELD) {
            item.put("heldShard", AttributeValue.fromS(HELD));
        }
        return TransactWriteItem.builder()
                .put(put ->
                        put.tableName(tables.reservations()).item(item).conditionExpression("attribute_not_exists(id)"))
                .build();
    }

    private TransactWriteItem ledgerEntry(
            Sku sku, long onHandChange, long reservedChange, String reason, String reference) {
        Instant now = clock.instant();
        String entry = String.format(
                "%019d-%s", now.toEpochMilli() * 1_000 + (now.getNano() / 1_000) % 1_000, UUID.randomUUID());
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tables.ledger())
                        .item(Map.of(
                                "sku", AttributeValue.fromS(sku.value()),
                                "entry", AttributeValue.fromS(entry),
                                "onHandChange", number(onHandChange),
                                "reservedChange", number(reservedChange),
                                "reason", AttributeValue.fromS(reason),
                                "reference", AttributeValue.fromS(reference),
                                "at", AttributeValue.fromS(now.toString()))))
                .build();
    }

    private List<TransactWriteItem> outboxItems(List<InventoryNews> news) {
        return news.stream()
                .map(PublishedNews::of)
                .map(published ->
                        outbox.pending(published.topic(), published.key(), published.type(), published.payload()))
                .toList();
    }

    private Optional<Map<String, AttributeValue>> stockItem(Sku sku) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(tables.stock()).key(skuKey(sku)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static StockLevel toLevel(Sku sku, Map<String, AttributeValue> item) {
        return new StockLevel(
                sku,
                Long.parseLong(item.get("onHand").n()),
                Long.parseLong(item.get("reserved").n()));
    }

    private static Map<String, AttributeValue> skuKey(Sku sku) {
        return Map.of("sku", AttributeValue.fromS(sku.value()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
