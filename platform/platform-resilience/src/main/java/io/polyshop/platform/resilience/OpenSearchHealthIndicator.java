package io.polyshop.platform.resilience;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The OpenSearch cluster answers, and not red (red: some primary shard is missing, searches fail). */
public class OpenSearchHealthIndicator implements HealthIndicator {

    private final OpenSearchClient client;

    public OpenSearchHealthIndicator(OpenSearchClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            HealthStatus status = client.cluster().health().status();
            return (status == HealthStatus.Red ? Health.down() : Health.up())
                    .withDetail("cluster", status.jsonValue())
                    .build();
        } catch (IOException | RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
