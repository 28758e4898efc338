package io.polyshop.notification.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code polyshop.notification}.
 *
 * @param mailFrom the sender of every e-mail
 * @param maxAttempts attempts per delivery before it is marked dead
 * @param firstBackoff the wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between attempts
 * @param senders how many deliveries are attempted at once; {@code polyshop.notification.sweep-interval}
 *     (default 1s) sets how often the store is searched for due deliveries (retries, lost senders)
 * @param hold how long a sender holds a delivery before it counts as lost and the delivery is due again
 * @param webhookUrl where the webhook channel posts; unset switches the channel off
 * @param webhookTimeout how long a webhook call may take
 */
@ConfigurationProperties("polyshop.notification")
public record NotificationProperties(
        @DefaultValue("Polyshop <shop@polyshop.local>") String mailFrom,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("2s") Duration firstBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("8") int senders,
        @DefaultValue("1m") Duration hold,
        URI webhookUrl,
        @DefaultValue("5s") Duration webhookTimeout) {}
