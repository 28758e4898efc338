package io.polyshop.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.notification.adapter.in.messaging.ShopEventsListener;
import io.polyshop.notification.adapter.in.scheduling.DeliverySenders;
import io.polyshop.notification.adapter.out.mongo.MongoNotifications;
import io.polyshop.notification.adapter.out.mongo.MongoRecipients;
import io.polyshop.notification.adapter.out.mongo.MongoTemplates;
import io.polyshop.notification.adapter.out.mustache.MustacheTemplateRenderer;
import io.polyshop.notification.adapter.out.smtp.SmtpEmailChannel;
import io.polyshop.notification.adapter.out.spring.ApplicationEventDueDeliveries;
import io.polyshop.notification.adapter.out.webhook.WebhookChannel;
import io.polyshop.notification.application.DeadDeliveries;
import io.polyshop.notification.application.NotificationDelivery;
import io.polyshop.notification.application.NotificationIntake;
import io.polyshop.notification.application.NotificationQueries;
import io.polyshop.notification.application.PreferenceSettings;
import io.polyshop.notification.application.TemplateAdministration;
import io.polyshop.notification.application.port.out.DueDeliveries;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

@Configuration
@EnableScheduling
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
    WebhookChannel webhookChannel(NotificationProperties settings, RestClient.Builder http) {
        Duration timeout = settings.webhookTimeout();
        return new WebhookChannel(http.baseUrl(settings.webhookUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.detect()
                        .build(HttpClientSettings.defaults().withTimeouts(timeout, timeout)))
                .build());
    }

    @Bean
    NotificationDelivery deliverNotifications(
            Notifications notifications,
            Templates templates,
            Recipients recipients,
            TemplateRenderer renderer,
            List<NotificationChannel> notificationChannels,
            NotificationProperties settings,
            Clock clock) {
        return new NotificationDelivery(
                notifications,
                templates,
                recipients,
                renderer,
                notificationChannels,
                new RetryPolicy(settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff()),
                settings.hold(),
                clock);
    }

    /**
     * The senders' threads. On shutdown a sender gets a few seconds to finish; one stuck on a store
     * that is going away too is left, and its hold brings the delivery back.
     */
    @Bean
    ThreadPoolTaskExecutor notificationSenders(NotificationProperties settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.senders());
        executor.setMaxPoolSize(settings.senders());
        executor.setThreadNamePrefix("notification-sender-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }

    @Bean
    DeliverySenders deliverySenders(
            NotificationDelivery delivery, ThreadPoolTaskExecutor notificationSenders, MeterRegistry meters) {
        return new DeliverySenders(delivery, notificationSenders, meters);
    }

    @Bean
    DueDeliveries dueDeliveries(ApplicationEventPublisher events) {
        return new ApplicationEventDueDeliveries(events);
    }

    @Bean
    NotificationIntake notificationIntake(
            Notifications notifications,
            Recipients recipients,
            NotificationDelivery deliver,
            DueDeliveries due,
            Clock clock) {
        Set<Channel> channels = EnumSet.copyOf(deliver.channels());
        return new NotificationIntake(notifications, recipients, channels, clock, due);
    }

    @Bean
    ShopEventsListener shopEventsListener(NotificationIntake notify, ConsumedEvents events) {
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
    DeadDeliveries deadDeliveries(Notifications notifications, Clock clock, DueDeliveries due) {
        return new DeadDeliveries(notifications, clock, due);
    }

    @Bean
    PreferenceSettings preferenceSettings(Recipients recipients) {
        return new PreferenceSettings(recipients);
    }
}
