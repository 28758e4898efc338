package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.notification.domain.RenderedMessage;

/** A way out to the customer: e-mail, a webhook. */
public interface NotificationChannel {

    Channel channel();

    /** The address this channel sends a recipient's notifications to. */
    String addressOf(Recipient recipient);

    /**
     * Hands the message to the channel's provider and answers the provider's id for it. The same
     * {@code id} is sent along every time, so a provider or reader can tell a repeat.
     *
     * @throws DeliveryFailedException when the provider did not accept it
     */
    String send(NotificationId id, RenderedMessage message);
}
