package io.polyshop.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The broker answers (describing the cluster) within a few seconds. Not part of readiness: every
 * service writes its events through an outbox and keeps serving while Kafka is away; the outbox
 * backlog and consumer lag say how far behind that leaves it.
 */
public class KafkaHealth implements HealthIndicator, DisposableBean {

    private static final long TIMEOUT_SECONDS = 3;

    private final Map<String, Object> adminProperties;
    private Admin admin;

    public KafkaHealth(Map<String, Object> adminProperties) {
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    }

    @Override
    public synchronized Health health() {
        try {
            if (admin == null) {
                admin = Admin.create(adminProperties);
            }
            int brokers = admin.describeCluster()
                    .nodes()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .size();
            return (brokers > 0 ? Health.up() : Health.down())
                    .withDetail("brokers", brokers)
                    .build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
