package io.polyshop.devstack.chaos;

import io.polyshop.devstack.chaos.ChaosPlatform.Customer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What the shoppers of a chaos run did and were told, phase by phase; shared by their threads. */
final class ChaosLedger {

    /** A key that got no final answer before the shopper gave up on it. */
    record Unanswered(String phase, Customer customer, String key) {}

    private final List<PlacedOrder> placed = new CopyOnWriteArrayList<>();
    private final List<Unanswered> unanswered = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, LongAdder>> refusals = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> retries = new ConcurrentHashMap<>();

    PlacedOrder placed(
            String phase, Customer customer, String key, String orderId, Map<String, Integer> units, String card) {
        PlacedOrder order = new PlacedOrder(phase, customer, key, orderId, units, card);
        placed.add(order);
        return order;
    }

    void unanswered(String phase, Customer customer, String key) {
        unanswered.add(new Unanswered(phase, customer, key));
    }

    void refused(String phase, int status, String reason) {
        count(refusals, phase, status + " " + reason);
    }

    void retried(String phase, String why) {
        count(retries, phase, why);
    }

    List<PlacedOrder> placed() {
        return List.copyOf(placed);
    }

    List<Unanswered> unanswered() {
        return List.copyOf(unanswered);
    }

    Map<String, Long> refusalsIn(String phase) {
        return totals(refusals, phase);
    }

    Map<String, Long> retriesIn(String phase) {
        return totals(retries, phase);
    }

    private static void count(Map<String, Map<String, LongAdder>> counts, String phase, String what) {
        counts.computeIfAbsent(phase, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(what, ignored -> new LongAdder())
                .increment();
    }

    private static Map<String, Long> totals(Map<String, Map<String, LongAdder>> counts, String phase) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        counts.getOrDefault(phase, Map.of()).forEach((what, count) -> totals.put(what, count.sum()));
        return totals;
    }
}
