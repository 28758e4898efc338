package io.polyshop.devstack.chaos;

import io.polyshop.devstack.chaos.ChaosPlatform.Customer;
import java.util.Map;

/** An order the shop accepted during a chaos run, and what the shopper did with it afterwards. */
final class PlacedOrder {

    private final String phase;
    private final Customer customer;
    private final String key;
    private final String orderId;
    private final Map<String, Integer> units;
    private final String card;
    private volatile boolean cancelRequested;
    private volatile String replayDifference;

    PlacedOrder(String phase, Customer customer, String key, String orderId, Map<String, Integer> units, String card) {
        this.phase = phase;
        this.customer = customer;
        this.key = key;
        this.orderId = orderId;
        this.units = Map.copyOf(units);
        this.card = card;
    }

    String phase() {
        return phase;
    }

    Customer customer() {
        return customer;
    }

    String key() {
        return key;
    }

    String orderId() {
        return orderId;
    }

    /** Units ordered per SKU. */
    Map<String, Integer> units() {
        return units;
    }

    String card() {
        return card;
    }

    void cancelRequested() {
        cancelRequested = true;
    }

    boolean wasCancelRequested() {
        return cancelRequested;
    }

    /** The same request with the same key answered something else than this order. */
    void replayDiffered(String answer) {
        replayDifference = answer;
    }

    String replayDifference() {
        return replayDifference;
    }
}
