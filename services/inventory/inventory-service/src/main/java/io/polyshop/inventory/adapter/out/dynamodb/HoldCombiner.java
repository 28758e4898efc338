package io.polyshop.inventory.adapter.out.dynamodb;

import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.application.port.out.Stock.HoldOutcome;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for reservations (flat combining). Concurrent holds queue up; whichever caller
 * gets the lock takes as many as fit into one transaction and commits them together, while the
 * others wait for their answer. A hot SKU then costs one conditional write per group instead of
 * one per reservation, which is what DynamoDB (one item's write rate) and DynamoDB Local (one
 * synchronous disk write per transaction) limit. The group's commit decides what a hold's
 * outcome is; it must never hold a reservation partly.
 */
final class HoldCombiner {

    /** One reservation to hold and the messages that go with it. */
    record Hold(Reservation reservation, List<InventoryNews> messages) {

        int items(Set<Sku> skusInGroup) {
            int newSkus = (int) reservation.lines().stream()
                    .map(StockLine::sku)
                    .filter(sku -> !skusInGroup.contains(sku))
                    .count();
            return 1 + reservation.lines().size() + messages.size() + newSkus;
        }
    }

    private record Pending(Hold hold, CompletableFuture<HoldOutcome> outcome) {}

    private final ReentrantLock combining = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Function<List<Hold>, List<HoldOutcome>> commitGroup;
    private final int maxItems;

    HoldCombiner(Function<List<Hold>, List<HoldOutcome>> commitGroup, int maxItems) {
        this.commitGroup = commitGroup;
        this.maxItems = maxItems;
    }

    HoldOutcome hold(Hold hold) {
        Pending pending = new Pending(hold, new CompletableFuture<>());
        queue.add(pending);
        while (!pending.outcome().isDone()) {
            if (combining.tryLock()) {
                try {
                    commitNextGroup();
                } finally {
                    combining.unlock();
                }
            } else {
                await(pending, 1);
            }
        }
        return await(pending, 0);
    }

    /**
     * Commits one group from the head of the queue. One group per turn: a caller whose own hold is
     * done goes back to its request, and the next waiter takes the following group.
     */
    private void commitNextGroup() {
        List<Pending> group = nextGroup();
        if (group.isEmpty()) {
            return;
        }
        try {
            List<HoldOutcome> outcomes =
                    commitGroup.apply(group.stream().map(Pending::hold).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException failed) {
            group.forEach(pending -> pending.outcome().completeExceptionally(failed));
        }
    }

    /** Holds waiting for their turn. */
    int waiting() {
        return queue.size();
    }

    /** Takes holds from the head while they fit into one transaction; only the lock holder takes. */
    private List<Pending> nextGroup() {
        List<Pending> group = new ArrayList<>();
        Set<Sku> skus = new HashSet<>();
        Set<ReservationId> ids = new HashSet<>();
        int items = 0;
        for (Pending next = queue.peek(); next != null; next = queue.peek()) {
            int needs = next.hold().items(skus);
            boolean fits = items + needs <= maxItems
                    && !ids.contains(next.hold().reservation().id());
            if (!group.isEmpty() && !fits) {
                break;
            }
            queue.poll();
            group.add(next);
            items += needs;
            ids.add(next.hold().reservation().id());
            next.hold().reservation().lines().forEach(line -> skus.add(line.sku()));
        }
        return group;
    }

    /** The hold's outcome, waiting at most {@code millis} (0: until it is there); null if not yet. */
    private static HoldOutcome await(Pending pending, long millis) {
        try {
            return millis == 0 ? pending.outcome().join() : pending.outcome().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            return null;
        } catch (CompletionException | ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reservation", e);
        }
    }
}
