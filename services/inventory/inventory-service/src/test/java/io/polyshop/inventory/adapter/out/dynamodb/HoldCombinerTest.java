package io.polyshop.inventory.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.inventory.application.port.out.Stock.HoldOutcome;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.ReservationId;
import io.polyshop.inventory.domain.Sku;
import io.polyshop.inventory.domain.StockLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HoldCombinerTest {

    private static HoldCombiner.Hold hold(String id, String sku) {
        return new HoldCombiner.Hold(
                Reservation.held(
                        new ReservationId(id),
                        null,
                        List.of(new StockLine(new Sku(sku), 1)),
                        Instant.parse("2026-11-23T12:00:00Z"),
                        Optional.empty()),
                List.of());
    }

    @Test
    void concurrentHoldsShareTransactionsAndEachGetsItsOwnOutcome() throws Exception {
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Function<List<HoldCombiner.Hold>, List<HoldOutcome>> commit = group -> {
            groupSizes.add(group.size());
            firstCommitStarted.countDown();
            await(othersQueued);
            return group.stream()
                    .map(hold -> hold.reservation().id().value().endsWith("7")
                            ? (HoldOutcome) new HoldOutcome.Taken()
                            : new HoldOutcome.Held())
                    .toList();
        };
        HoldCombiner combiner = new HoldCombiner(commit, 100);

        List<Future<HoldOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            outcomes.add(callers.submit(() -> combiner.hold(hold("r-0", "SKU-HOT"))));
            firstCommitStarted.await(5, TimeUnit.SECONDS);
            for (int i = 1; i <= 20; i++) {
                String id = "r-" + i;
                outcomes.add(callers.submit(() -> combiner.hold(hold(id, "SKU-HOT"))));
            }
            awaitWaiting(combiner, 20);
            othersQueued.countDown();
            for (int i = 0; i < outcomes.size(); i++) {
                HoldOutcome outcome = outcomes.get(i).get(5, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOf(i % 10 == 7 ? HoldOutcome.Taken.class : HoldOutcome.Held.class);
            }
        }

        assertThat(groupSizes.getFirst()).isEqualTo(1);
        assertThat(groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
        assertThat(groupSizes.size())
                .as("the 20 queued holds were committed in few groups")
                .isLessThanOrEqualTo(3);
    }

    @Test
    void aGroupNeverExceedsTheTransactionLimitNorRepeatsAnId() throws Exception {
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        HoldCombiner combiner = new HoldCombiner(
                group -> {
                    groups.add(group.stream()
                            .map(hold -> hold.reservation().id().value())
                            .toList());
                    await(release);
                    return group.stream()
                            .map(hold -> (HoldOutcome) new HoldOutcome.Held())
                            .toList();
                },
                10);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HoldOutcome>> outcomes = new ArrayList<>();
            outcomes.add(callers.submit(() -> combiner.hold(hold("first", "SKU-A01"))));
            // The first hold must be committing, alone, before the others queue behind it.
            awaitGroups(groups, 1);
            for (int i = 0; i < 6; i++) {
                String id = i % 2 == 0 ? "same" : "r-" + i;
                outcomes.add(callers.submit(() -> combiner.hold(hold(id, "SKU-B" + id.length() + "X"))));
            }
            awaitWaiting(combiner, 6);
            release.countDown();
            for (Future<HoldOutcome> outcome : outcomes) {
                outcome.get(5, TimeUnit.SECONDS);
            }
        }
        // one SKU update plus, per hold, its reservation and one ledger entry: at most 4 holds of 10 items
        assertThat(groups).allSatisfy(group -> {
            assertThat(group.size()).isLessThanOrEqualTo(4);
            assertThat(group).doesNotHaveDuplicates();
        });
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(7);
    }

    @Test
    void aFailedCommitFailsEveryHoldOfItsGroup() {
        HoldCombiner combiner = new HoldCombiner(
                group -> {
                    throw new IllegalStateException("DynamoDB is away");
                },
                100);

        assertThatThrownBy(() -> combiner.hold(hold("r-1", "SKU-A01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DynamoDB is away");
    }

    /** Until {@code count} groups have reached the commit. */
    private static void awaitGroups(List<List<String>> groups, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(groups).hasSize(count);
    }

    /** Until {@code count} holds queue behind the one being committed. */
    private static void awaitWaiting(HoldCombiner combiner, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (combiner.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(combiner.waiting()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
