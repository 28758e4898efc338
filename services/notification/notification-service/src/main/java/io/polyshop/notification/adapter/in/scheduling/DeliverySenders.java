package io.polyshop.notification.adapter.in.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.notification.application.DeliveryDue;
import io.polyshop.notification.application.NotificationDelivery;
import io.polyshop.notification.domain.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The senders: a delivery announced as due is attempted on the senders' executor, and a sweep
 * looks for due deliveries in the store every {@code polyshop.notification.sweep-interval}: retries
 * whose backoff ran out, deliveries whose sender died, and those announced on another instance.
 * Each attempt counts in {@code polyshop_notification_delivery_attempts_total}, tagged with the
 * channel and the status it left the delivery in (SENT, PENDING for a retry, DEAD).
 */
public class DeliverySenders {

    private static final Logger log = LoggerFactory.getLogger(DeliverySenders.class);

    private static final int SWEEP_BATCH = 500;

    private final NotificationDelivery delivery;
    private final TaskExecutor senders;
    private final MeterRegistry meters;
    // A delivery waits for a sender once, however often it is announced meanwhile.
    private final Set<DeliveryDue> waiting = ConcurrentHashMap.newKeySet();

    public DeliverySenders(NotificationDelivery delivery, TaskExecutor senders, MeterRegistry meters) {
        this.delivery = delivery;
        this.senders = senders;
        this.meters = meters;
    }

    @EventListener
    public void send(DeliveryDue due) {
        if (!delivery.channels().contains(due.channel()) || !waiting.add(due)) {
            return;
        }
        try {
            senders.execute(() -> attempt(due));
        } catch (TaskRejectedException stopping) {
            // Shutting down: the sweep of whichever instance runs next finds it due.
            waiting.remove(due);
        }
    }

    @Scheduled(fixedDelayString = "${polyshop.notification.sweep-interval:1s}")
    public void sweep() {
        for (Channel channel : delivery.channels()) {
            try {
                delivery.due(channel, SWEEP_BATCH).forEach(id -> send(new DeliveryDue(id, channel)));
            } catch (RuntimeException e) {
                log.warn("looking for due {} deliveries failed: {}", channel, e.toString());
            }
        }
    }

    private void attempt(DeliveryDue due) {
        waiting.remove(due);
        try {
            delivery.deliver(due.id(), due.channel())
                    .ifPresent(status -> meters.counter(
                                    "polyshop.notification.delivery.attempts",
                                    "channel",
                                    due.channel().name(),
                                    "status",
                                    status.name())
                            .increment());
        } catch (RuntimeException e) {
            log.warn("{} delivery of notification {} failed to run: {}", due.channel(), due.id(), e.toString());
        }
    }
}
