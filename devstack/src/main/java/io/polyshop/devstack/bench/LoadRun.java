package io.polyshop.devstack.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Concurrent clients, each on its own thread, repeating one operation after another for a warm-up
 * and then a measured period. Without a pace a client starts its next operation as soon as the
 * last one answered (the most load the clients can make). With a pace each client starts one
 * operation per interval, and latency counts from the planned start, so time spent waiting behind
 * a slow answer is not hidden.
 */
final class LoadRun {

    /** What one operation was (its kind, for per-kind figures) and whether it failed. */
    record Outcome(String kind, boolean failed) {

        static Outcome ok(String kind) {
            return new Outcome(kind, false);
        }

        static Outcome failed(String kind) {
            return new Outcome(kind, true);
        }
    }

    /** One client's next operation. */
    @FunctionalInterface
    interface Client {
        Outcome next(SplittableRandom random) throws IOException, InterruptedException;
    }

    record Result(Latencies all, Map<String, Latencies> byKind, long failures, Duration measured) {

        double perSecond() {
            return all.count() / (measured.toMillis() / 1000.0);
        }

        double perSecond(String kind) {
            Latencies latencies = byKind.get(kind);
            return latencies == null ? 0 : latencies.count() / (measured.toMillis() / 1000.0);
        }
    }

    private LoadRun() {}

    static Result run(
            int clients, IntFunction<Client> newClient, Duration warmup, Duration measured, Optional<Duration> pace)
            throws InterruptedException {
        long measuredFrom = System.nanoTime() + warmup.toNanos();
        long ends = measuredFrom + measured.toNanos();
        AtomicLong failures = new AtomicLong();
        List<Map<String, LongList>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // Fresh seeds for every run: one that replayed an earlier run's operations would find their
        // answers waiting in the engines' caches.
        SplittableRandom seeds = new SplittableRandom();
        for (int c = 0; c < clients; c++) {
            Map<String, LongList> samples = new HashMap<>();
            perClient.add(samples);
            Client client = newClient.apply(c);
            SplittableRandom random = seeds.split();
            int index = c;
            // Paced clients start spread over one interval instead of all at once.
            long offset =
                    pace.map(interval -> interval.toNanos() * index / clients).orElse(0L);
            threads.add(Thread.ofPlatform()
                    .name("bench-client-" + c)
                    .start(() -> drive(client, random, measuredFrom, ends, pace, offset, samples, failures)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, LongList> merged = new TreeMap<>();
        LongList all = new LongList();
        for (Map<String, LongList> samples : perClient) {
            samples.forEach((kind, list) -> {
                merged.computeIfAbsent(kind, ignored -> new LongList()).addAll(list);
                all.addAll(list);
            });
        }
        Map<String, Latencies> byKind = new TreeMap<>();
        merged.forEach((kind, list) -> byKind.put(kind, Latencies.of(list.toArray())));
        return new Result(Latencies.of(all.toArray()), byKind, failures.get(), measured);
    }

    private static void drive(
            Client client,
            SplittableRandom random,
            long measuredFrom,
            long ends,
            Optional<Duration> pace,
            long offset,
            Map<String, LongList> samples,
            AtomicLong failures) {
        long planned = System.nanoTime() + offset;
        while (planned < ends) {
            if (pace.isPresent()) {
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            } else {
                planned = System.nanoTime();
            }
            try {
                Outcome outcome = client.next(random);
                long took = System.nanoTime() - planned;
                if (outcome.failed()) {
                    failures.incrementAndGet();
                } else if (planned >= measuredFrom) {
                    samples.computeIfAbsent(outcome.kind(), kind -> new LongList())
                            .add(took);
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (pace.isPresent()) {
                planned += pace.get().toNanos();
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A growable array of longs, so that a long run does not box millions of samples. */
    private static final class LongList {

        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
