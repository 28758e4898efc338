package io.polyshop.notification.adapter.in.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.notification.application.DeliverNotifications;
import io.polyshop.notification.application.port.out.DeliveryQueue;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The senders: virtual threads that attempt the deliveries they are told are due, and a sweeper
 * that looks for due deliveries in the store every {@code sweepInterval}: retries whose backoff ran
 * out, deliveries whose sender died, and those raised by another instance. Each attempt counts in
 * {@code polyshop_notification_delivery_attempts_total}, tagged with the channel and the status it
 * left the delivery in (SENT, PENDING for a retry, DEAD).
 */
public class DeliveryWorkers implements DeliveryQueue, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private record Ticket(NotificationId id, Channel channel) {}

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final DeliverNotifications deliver;
    private final MeterRegistry meters;
    private final int senders;
    private final Duration sweepInterval;
    private final int sweepBatch;
    private final LinkedBlockingQueue<Ticket> tickets = new LinkedBlockingQueue<>();
    private final Set<Ticket> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public DeliveryWorkers(
            DeliverNotifications deliver, MeterRegistry meters, int senders, Duration sweepInterval, int sweepBatch) {
        this.deliver = deliver;
        this.meters = meters;
        this.senders = senders;
        this.sweepInterval = sweepInterval;
        this.sweepBatch = sweepBatch;
    }

    @Override
    public void due(NotificationId id, Channel channel) {
        if (deliver.channels().contains(channel)) {
            Ticket ticket = new Ticket(id, channel);
            if (queued.add(ticket)) {
                tickets.add(ticket);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < senders; i++) {
            threads.add(Thread.ofVirtual().name("notification-sender-" + i).start(this::sendWhileRunning));
        }
        threads.add(Thread.ofVirtual().name("notification-sweeper").start(this::sweepWhileRunning));
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        // A sender may be waiting on a store that is going away too; the hold brings its delivery back.
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void sendWhileRunning() {
        while (running) {
            Ticket ticket;
            try {
                ticket = tickets.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                return;
            }
            if (ticket == null) {
                continue;
            }
            queued.remove(ticket);
            try {
                deliver.deliver(ticket.id(), ticket.channel())
                        .ifPresent(status -> meters.counter(
                                        "polyshop.notification.delivery.attempts",
                                        "channel",
                                        ticket.channel().name(),
                                        "status",
                                        status.name())
                                .increment());
            } catch (RuntimeException e) {
                log.warn(
                        "{} delivery of notification {} failed to run: {}",
                        ticket.channel(),
                        ticket.id(),
                        e.toString());
            }
        }
    }

    private void sweepWhileRunning() {
        while (running) {
            try {
                Thread.sleep(sweepInterval);
            } catch (InterruptedException stopping) {
                return;
            }
            for (Channel channel : deliver.channels()) {
                try {
                    deliver.due(channel, sweepBatch).forEach(id -> due(id, channel));
                } catch (RuntimeException e) {
                    log.warn("looking for due {} deliveries failed: {}", channel, e.toString());
                }
            }
        }
    }
}
