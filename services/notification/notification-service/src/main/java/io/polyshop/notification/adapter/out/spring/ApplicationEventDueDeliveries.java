package io.polyshop.notification.adapter.out.spring;

import io.polyshop.notification.application.DeliveryDue;
import io.polyshop.notification.application.port.out.DueDeliveries;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import org.springframework.context.ApplicationEventPublisher;

/** Announces due deliveries as Spring application events, for the senders to pick up. */
public class ApplicationEventDueDeliveries implements DueDeliveries {

    private final ApplicationEventPublisher events;

    public ApplicationEventDueDeliveries(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void announce(NotificationId id, Channel channel) {
        events.publishEvent(new DeliveryDue(id, channel));
    }
}
