package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.polyshop.platform.resilience.TransientFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires Polyshop's messaging into a service: CloudEvents on Kafka, the PostgreSQL or document outbox and
 * its relay, the inbox, dead-letter topics and their replay, backlog metrics and health.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** How long a backlog count that reads a whole store (every collection, every shard) stands. */
    private static final Duration STORE_WIDE_COUNT = Duration.ofSeconds(5);

    /** Static: it post-processes Spring Boot's Kafka properties before any client is built from them. */
    @Bean
    static KafkaAuthentication polyshopKafkaAuthentication(Environment environment) {
        return new KafkaAuthentication(environment);
    }

    /**
     * The service's one clock, in UTC: the time its use cases read is the time its events are
     * stamped with. A test that needs to move time declares its own {@code Clock} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventEnvelopes eventEnvelopes(@Value("${spring.application.name:polyshop}") String serviceName, Clock clock) {
        return new EventEnvelopes(serviceName, clock);
    }

    /**
     * The template for everything the platform publishes: outbox envelopes (already serialized),
     * dead letters and replays. Idempotent and acknowledged by all replicas; it gives up on a send
     * within seconds so that the relay's own backoff, not the client, rides out an outage.
     */
    @Bean
    KafkaTemplate<String, Object> polyshopEventTemplate(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // The by-type serializer passes these to CloudEventSerializer when the producer configures it.
        properties.put(CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED");
        properties.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, EventEnvelopes.CONTENT_TYPE);
        Map<Class<?>, Serializer<?>> byType = new HashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(CloudEvent.class, new CloudEventSerializer());
        byType.put(String.class, new StringSerializer());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                properties, new StringSerializer(), new DelegatingByTypeSerializer(byType, true)));
    }

    @Bean
    ConsumedEvents consumedEvents(JsonMapper json) {
        return new ConsumedEvents(json);
    }

    /** Consumers read CloudEvents; a record that is not one fails once and goes to the dead letters. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer cloudEventConsumers() {
        return factory -> configureCloudEventDeserializers(factory);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureCloudEventDeserializers(DefaultKafkaConsumerFactory<?, ?> factory) {
        DefaultKafkaConsumerFactory raw = factory;
        raw.setKeyDeserializer(new StringDeserializer());
        raw.setValueDeserializer(new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
    }

    /**
     * What happens to a record a listener failed on, by the kind of failure (docs/adr/0015):
     * <ul>
     *   <li>transient (a store or broker away, a timeout): tried again after a pause that doubles,
     *       with jitter, up to {@code max-transient-backoff}, for as long as it takes; the partition
     *       waits, so nothing behind it overtakes it and nothing is dead-lettered by an outage;
     *   <li>permanent (not a CloudEvent, unreadable data, an invalid value): straight to
     *       {@code <topic>.dlt}, where an ADMIN replays it after the fix;
     *   <li>anything else: {@code max-attempts} tries, {@code retry-interval} apart, then the
     *       dead-letter topic.
     * </ul>
     */
    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, Object> polyshopEventTemplate, MessagingProperties settings) {
        var recoverer = new DeadLetterPublishingRecoverer(
                polyshopEventTemplate,
                (record, failure) -> new TopicPartition(record.topic() + settings.deadLetterSuffix(), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(settings.retryInterval().toMillis(), settings.maxAttempts() - 1L));
        handler.setBackOffFunction(
                (record, failure) -> TransientFailures.isTransient(failure) ? untilItPasses(settings) : null);
        handler.addNotRetryableExceptions(IllegalArgumentException.class, JacksonException.class);
        return handler;
    }

    private static BackOff untilItPasses(MessagingProperties settings) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(settings.transientBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxTransientBackoff().toMillis());
        backOff.setJitter(settings.transientBackoff().toMillis() / 2);
        return backOff;
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    DeadLetterDepth deadLetterDepth(
            KafkaProperties kafka,
            MessagingProperties settings,
            MeterRegistry registry,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new DeadLetterDepth(
                kafka.buildAdminProperties(),
                () -> listeners.getIfAvailable() == null
                        ? List.of()
                        : listeners.getIfAvailable().getListenerContainers().stream()
                                .map(container ->
                                        container.getContainerProperties().getTopics())
                                .filter(Objects::nonNull)
                                .flatMap(Arrays::stream)
                                .toList(),
                settings.deadLetterSuffix(),
                settings.maxDeadLetters(),
                registry);
    }

    @Bean
    DeadLetters deadLetters(
            KafkaProperties kafka, KafkaTemplate<String, Object> polyshopEventTemplate, MessagingProperties settings) {
        return new DeadLetters(kafka.buildConsumerProperties(), polyshopEventTemplate, settings.deadLetterSuffix());
    }

    @Bean
    OperatorActions operatorActions(
            @Value("${spring.application.name:polyshop}") String serviceName,
            EventEnvelopes envelopes,
            KafkaTemplate<String, Object> polyshopEventTemplate,
            JsonMapper json,
            Clock clock) {
        return new OperatorActions(serviceName, envelopes, polyshopEventTemplate, json, clock);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters, OperatorActions actions) {
        return new DeadLetterEndpoint(deadLetters, actions);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    KafkaHealth kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealth(kafka.buildAdminProperties());
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    ConsumerLag consumerLag(MeterRegistry registry, MessagingProperties settings) {
        return new ConsumerLag(registry, settings.maxConsumerLag());
    }

    /** Outbox and inbox, for services whose store is PostgreSQL. */
    @AutoConfiguration
    @ConditionalOnClass({JdbcClient.class, Flyway.class})
    @ConditionalOnBean(DataSource.class)
    static class PostgresOutbox {

        @Bean
        MessagingSchema messagingSchema(DataSource dataSource) {
            return new MessagingSchema(dataSource);
        }

        @Bean
        JdbcParkedEvents parkedEvents(JdbcClient jdbc, MessagingSchema messagingSchema) {
            return new JdbcParkedEvents(jdbc);
        }

        @Bean
        OutboxRelay outboxRelay(
                JdbcClient jdbc,
                MessagingSchema messagingSchema,
                TransactionTemplate transactions,
                KafkaTemplate<String, Object> polyshopEventTemplate,
                JdbcParkedEvents parkedEvents,
                MessagingProperties settings) {
            return new OutboxRelay(jdbc, transactions, polyshopEventTemplate, parkedEvents, settings.outbox());
        }

        @Bean
        Outbox outbox(
                JdbcClient jdbc,
                EventEnvelopes envelopes,
                JsonMapper json,
                OutboxRelay relay,
                ObjectProvider<Tracer> tracer,
                ObjectProvider<Propagator> propagator) {
            return new Outbox(jdbc, envelopes, json, traceParent(tracer, propagator), relay::wakeUp);
        }

        @Bean
        Inbox inbox(JdbcClient jdbc, MessagingSchema messagingSchema, TransactionTemplate transactions) {
            return new Inbox(jdbc, transactions);
        }

        @Bean
        OutboxBacklog outboxBacklog(
                JdbcParkedEvents parkedEvents, MessagingProperties settings, ObjectProvider<MeterRegistry> registry) {
            return backlog(parkedEvents::backlog, Duration.ZERO, settings, registry);
        }
    }

    /** Outbox for services whose store is MongoDB: pending events inside the aggregate's document. */
    @AutoConfiguration
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnBean(MongoOperations.class)
    static class MongoOutbox {

        @Bean
        DocumentOutboxRelay documentOutboxRelay(
                MongoOperations mongo,
                KafkaTemplate<String, Object> polyshopEventTemplate,
                MessagingProperties settings,
                Clock clock) {
            return new DocumentOutboxRelay(mongo, polyshopEventTemplate, settings.outbox(), clock);
        }

        @Bean
        DocumentOutbox documentOutbox(
                EventEnvelopes envelopes,
                JsonMapper json,
                DocumentOutboxRelay relay,
                ObjectProvider<Tracer> tracer,
                ObjectProvider<Propagator> propagator) {
            return new DocumentOutbox(envelopes, json, traceParent(tracer, propagator), relay::wakeUp);
        }

        @Bean
        DocumentParkedEvents documentParkedEvents(DocumentOutboxRelay relay) {
            return relay.parkedEvents();
        }

        @Bean
        OutboxBacklog outboxBacklog(
                DocumentParkedEvents parkedEvents,
                MessagingProperties settings,
                ObjectProvider<MeterRegistry> registry) {
            return backlog(parkedEvents::backlog, STORE_WIDE_COUNT, settings, registry);
        }
    }

    /** Outbox for services whose store is DynamoDB: pending events as items of the aggregate's transaction. */
    @AutoConfiguration
    @ConditionalOnClass(DynamoDbClient.class)
    @ConditionalOnBean(DynamoDbClient.class)
    static class DynamoDbOutboxes {

        @Bean
        DynamoDbOutboxRelay dynamoDbOutboxRelay(
                DynamoDbClient dynamo,
                @Value("${spring.application.name:polyshop}") String serviceName,
                KafkaTemplate<String, Object> polyshopEventTemplate,
                MessagingProperties settings,
                Clock clock) {
            return new DynamoDbOutboxRelay(
                    dynamo,
                    settings.dynamodb().outboxTable(serviceName),
                    settings.dynamodb().outboxShards(),
                    polyshopEventTemplate,
                    settings.outbox(),
                    clock);
        }

        @Bean
        DynamoDbOutbox dynamoDbOutbox(
                DynamoDbClient dynamo,
                @Value("${spring.application.name:polyshop}") String serviceName,
                EventEnvelopes envelopes,
                JsonMapper json,
                DynamoDbOutboxRelay relay,
                MessagingProperties settings,
                ObjectProvider<Tracer> tracer,
                ObjectProvider<Propagator> propagator,
                Clock clock) {
            DynamoDbOutbox outbox = new DynamoDbOutbox(
                    dynamo,
                    settings.dynamodb().outboxTable(serviceName),
                    settings.dynamodb().outboxShards(),
                    envelopes,
                    json,
                    traceParent(tracer, propagator),
                    relay::wakeUp,
                    clock);
            outbox.ensureTable();
            return outbox;
        }

        @Bean
        DynamoDbParkedEvents dynamoDbParkedEvents(DynamoDbOutboxRelay relay) {
            return relay.parkedEvents();
        }

        @Bean
        OutboxBacklog outboxBacklog(
                DynamoDbParkedEvents parkedEvents,
                DynamoDbOutbox outbox,
                MessagingProperties settings,
                ObjectProvider<MeterRegistry> registry) {
            return backlog(parkedEvents::backlog, STORE_WIDE_COUNT, settings, registry);
        }
    }

    private static OutboxBacklog backlog(
            OutboxBacklog.Measure measure,
            Duration freshFor,
            MessagingProperties settings,
            ObjectProvider<MeterRegistry> registry) {
        OutboxBacklog backlog = new OutboxBacklog(measure, settings.outbox().unhealthyAge(), freshFor);
        registry.ifAvailable(backlog::bindTo);
        return backlog;
    }

    private static Supplier<String> traceParent(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return () -> {
            Tracer currentTracer = tracer.getIfAvailable();
            Propagator currentPropagator = propagator.getIfAvailable();
            if (currentTracer == null || currentPropagator == null || currentTracer.currentSpan() == null) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>();
            currentPropagator.inject(currentTracer.currentSpan().context(), carrier, Map::put);
            return carrier.get("traceparent");
        };
    }
}
