package io.polyshop.platform.messaging;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The loop both outbox relays run on one platform thread: a round at a time, at once again while
 * rounds come back full, waiting for a write signal (or the idle poll) when the outbox is drained,
 * and a doubling pause, up to a limit, after Kafka refused an event or a round failed.
 */
public abstract class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final String name;
    private final MessagingProperties.Relay settings;
    private final Semaphore written = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    protected RelayLoop(String name, MessagingProperties.Relay settings) {
        this.name = name;
        this.settings = settings;
    }

    /** What one round achieved: events acknowledged by Kafka, and the refusal that ended it, if any. */
    protected record Round(int published, Exception failure) {}

    /** Publishes what is pending, up to a batch. */
    protected abstract Round relayOnce();

    /** Runs when a round found less than a batch: a moment for housekeeping. */
    protected void idle() {}

    /** Runs once the loop has ended, on the stopping thread. */
    protected void stopped() {}

    /** Called after a write that added events: the relay looks at once. */
    public void wakeUp() {
        written.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::relayUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            written.release();
            try {
                worker.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
            stopped();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                Round round = relayOnce();
                if (round.failure() == null) {
                    backoff = settings.initialBackoff();
                    if (round.published() < settings.batchSize()) {
                        idle();
                        // A write signalled during the round left a permit: look again at once.
                        // Signals that piled up meanwhile are all served by that one round.
                        written.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                        written.drainPermits();
                    }
                    continue;
                }
                log.warn(
                        "{}: Kafka refused an event ({}); {} published this round, retrying in {} ms",
                        name,
                        round.failure().getMessage(),
                        round.published(),
                        backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{}: round failed ({}), retrying in {} ms", name, e.getMessage(), backoff.toMillis());
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) < 0
                    ? backoff.multipliedBy(2)
                    : settings.maxBackoff();
        }
    }
}
