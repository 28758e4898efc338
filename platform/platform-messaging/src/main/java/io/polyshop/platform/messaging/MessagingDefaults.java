package io.polyshop.platform.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Kafka consumer settings every Polyshop service starts with, below every other property source so
 * that configuration overrides them.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "polyshopMessagingDefaults";

    /**
     * Consumer threads of a saga listener ({@code @KafkaListener(concurrency = ...)}), one per
     * partition of the local broker's topics: commands and replies for different orders are
     * handled at once, those for one order (one key, one partition) in their order.
     */
    public static final String SAGA_LISTENER_CONCURRENCY = "${polyshop.messaging.saga-listener-concurrency:12}";

    static final Map<String, Object> DEFAULTS = Map.of(
            // A crashed instance's partitions move to the others (or to its restart) after 10 s
            // instead of Kafka's 45 s: a checkout saga waits for its replies meanwhile.
            "spring.kafka.consumer.properties.session.timeout.ms",
            10_000,
            "spring.kafka.consumer.heartbeat-interval",
            "3s");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
