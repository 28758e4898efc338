package io.polyshop.platform.resilience;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Polyshop service starts with, below every other property source so that
 * configuration overrides them:
 *
 * <ul>
 *   <li>connect and read timeouts of a few seconds for every client Spring Boot configures. Their
 *       own defaults wait 30 s to forever for a server that is not there, which holds a request,
 *       a consumer or a health check that long; a few seconds lets the caller answer 503 (or back
 *       off) while the store is away;
 *   <li>readiness that follows the stores: a service whose store is away is not ready, so that
 *       traffic goes to an instance that can serve it. Kafka is left out: every service writes its
 *       events through an outbox and keeps serving while the broker is away.
 * </ul>
 */
public class ResilienceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "polyshopResilienceDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // PostgreSQL: a connection from the pool, a new connection, and a reply, each within seconds.
            Map.entry("spring.datasource.hikari.connection-timeout", "3000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "2000"),
            Map.entry("spring.datasource.hikari.data-source-properties.connectTimeout", "3"),
            Map.entry("spring.datasource.hikari.data-source-properties.loginTimeout", "3"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "10"),
            // Redis (Lettuce).
            Map.entry("spring.data.redis.connect-timeout", "2s"),
            Map.entry("spring.data.redis.timeout", "3s"),
            // HTTP clients built from Spring Boot's builders (another service's API).
            Map.entry("spring.http.clients.connect-timeout", "2s"),
            Map.entry("spring.http.clients.read-timeout", "10s"),
            // SMTP (Jakarta Mail waits for ever by default).
            Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "3000"),
            Map.entry("spring.mail.properties.mail.smtp.timeout", "10000"),
            Map.entry("spring.mail.properties.mail.smtp.writetimeout", "10000"),
            // Indicators that do not exist in a service (no MongoDB, say) are skipped.
            Map.entry(
                    "management.endpoint.health.group.readiness.include",
                    "readinessState,db,mongo,redis,dynamoDb,openSearch"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
