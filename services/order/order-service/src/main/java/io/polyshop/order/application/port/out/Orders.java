package io.polyshop.order.application.port.out;

import io.polyshop.order.application.ResultPage;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders with their saga state; every write runs in the caller's transaction. */
public interface Orders {

    void insert(Order order);

    Optional<Order> find(OrderId id);

    /** The order, locked until the transaction ends, so that one event at a time moves its saga. */
    Optional<Order> lock(OrderId id);

    /** Stores the order's new state; it must be the successor of the version that was read. */
    void update(Order order);

    ResultPage ofCustomer(String customerId, int page, int size);

    /**
     * Starts the clock of every saga whose awaited command has been published since the last call:
     * its deadline becomes the publication time plus the time the command is allowed. A command
     * the outbox parked (Kafka refuses it) counts as published when it was parked, so that the saga
     * gives up on it in time. Answers how many clocks started.
     */
    int startClocks();

    /**
     * Notes that the timer swept at {@code now} and answers when it swept before (by this
     * instance or another), or empty the first time.
     */
    Optional<Instant> sweptAt(Instant now);

    /** Moves every running saga clock on by {@code gap}: time in which no timer ran does not count. */
    int moveClocksOn(Duration gap);

    /** Orders whose saga waits past its deadline, oldest deadline first. */
    List<OrderId> overdue(Instant now, int limit);

    /** Puts an order's deadline off to {@code until}, after handling it failed, so that the others go first. */
    void postpone(OrderId id, Instant until);

    /** Orders whose saga needs an operator, oldest first. */
    List<Order> needingAttention(int limit);

    long countNeedingAttention();
}
