package io.polyshop.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.notification.adapter.in.messaging.ShopEventsListener;
import io.polyshop.notification.adapter.in.scheduling.DeliveryWorkers;
import io.polyshop.notification.adapter.out.mongo.MongoNotifications;
import io.polyshop.notification.adapter.out.mongo.MongoRecipients;
import io.polyshop.notification.adapter.out.mongo.MongoTemplates;
import io.polyshop.notification.adapter.out.mustache.MustacheTemplateRenderer;
import io.polyshop.notification.adapter.out.smtp.SmtpEmailChannel;
import io.polyshop.notification.adapter.out.webhook.WebhookChannel;
import io.polyshop.notification.application.DeadDeliveries;
import io.polyshop.notification.application.DeliverNotifications;
import io.polyshop.notification.application.NotificationQueries;
import io.polyshop.notification.application.NotifyCustomers;
import io.polyshop.notification.application.PreferenceSettings;
import io.polyshop.notification.application.TemplateAdministration;
import io.polyshop.notification.application.port.out.NotificationChannel;
import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.application.port.out.Recipients;
import io.polyshop.notification.application.port.out.TemplateRenderer;
import io.polyshop.notification.application.port.out.Templates;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.RetryPolicy;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.DocumentOutbox;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** The back office: decided by path before a body is read; a read-only role cannot write. */
    @Bean
    GuardedEndpoints notificationGuardedEndpoints() {
        return GuardedEndpoints.builder()
                // A preview changes nothing.
                .require(
                        HttpMethod.POST,
                        "/api/v1/admin/notification-templates/preview",
                        Permission.NOTIFICATION_READ_ANY)
                .readWrite("/api/v1/admin/**", Permission.NOTIFICATION_READ_ANY, Permission.NOTIFICATION_WRITE_ANY)
                .build();
    }

    @Bean
    Notifications notifications(MongoOperations mongo, DocumentOutbox outbox) {
        return new MongoNotifications(mongo, outbox);
    }

    @Bean
    Templates templates(MongoOperations mongo) {
        return new MongoTemplates(mongo);
    }

    @Bean
    Recipients recipients(MongoOperations mongo) {
        return new MongoRecipients(mongo);
    }

    @Bean
    TemplateRenderer templateRenderer() {
        return new MustacheTemplateRenderer();
    }

    @Bean
    SmtpEmailChannel emailChannel(JavaMailSender mail, NotificationProperties settings) {
        return new SmtpEmailChannel(mail, settings.mailFrom());
    }

    /** The webhook channel exists only where an endpoint is configured. */
    @Bean
    @ConditionalOnProperty("polyshop.notification.webhook-url")
    WebhookChannel webhookChannel(NotificationProperties settings, JsonMapper json) {
        return new WebhookChannel(settings.webhookUrl(), settings.webhookTimeout(), json);
    }

    @Bean
    DeliverNotifications deliverNotifications(
            Notifications notifications,
            Templates templates,
            Recipients recipients,
            TemplateRenderer renderer,
            List<NotificationChannel> notificationChannels,
            NotificationProperties settings,
            Clock clock) {
        return new DeliverNotifications(
                notifications,
                templates,
                recipients,
                renderer,
                notificationChannels,
                new RetryPolicy(settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff()),
                settings.hold(),
                clock);
    }

    @Bean
    DeliveryWorkers deliveryWorkers(
            DeliverNotifications deliver, MeterRegistry meters, NotificationProperties settings) {
        return new DeliveryWorkers(deliver, meters, settings.senders(), settings.sweepInterval(), 500);
    }

    @Bean
    NotifyCustomers notifyCustomers(
            Notifications notifications,
            Recipients recipients,
            DeliverNotifications deliver,
            DeliveryWorkers workers,
            Clock clock) {
        Set<Channel> channels = EnumSet.copyOf(deliver.channels());
        return new NotifyCustomers(notifications, recipients, channels, clock, workers);
    }

    @Bean
    ShopEventsListener shopEventsListener(NotifyCustomers notify, ConsumedEvents events) {
        return new ShopEventsListener(notify, events);
    }

    @Bean
    TemplateAdministration templateAdministration(Templates templates, TemplateRenderer renderer, Clock clock) {
        return new TemplateAdministration(templates, renderer, clock);
    }

    @Bean
    ShippedTemplates shippedTemplates(TemplateAdministration administration, Clock clock) {
        return new ShippedTemplates(administration, clock);
    }

    @Bean
    NotificationQueries notificationQueries(Notifications notifications) {
        return new NotificationQueries(notifications);
    }

    @Bean
    DeadDeliveries deadDeliveries(Notifications notifications, Clock clock, DeliveryWorkers workers) {
        return new DeadDeliveries(notifications, clock, workers);
    }

    @Bean
    PreferenceSettings preferenceSettings(Recipients recipients) {
        return new PreferenceSettings(recipients);
    }
}
