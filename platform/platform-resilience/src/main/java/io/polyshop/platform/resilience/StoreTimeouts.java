package io.polyshop.platform.resilience;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Connect and read timeouts of a few seconds for every store client Spring Boot configures, below
 * every other property source so that configuration overrides them. The clients' own defaults wait
 * 30 to 60 s for a server that is not there, which holds a request, a consumer or a health check for
 * that long; a few seconds lets the caller answer 503 (or back off) while the store is away.
 */
public class StoreTimeouts implements EnvironmentPostProcessor {

    static final String SOURCE = "polyshopStoreTimeouts";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // PostgreSQL: a connection from the pool, a new connection, and a reply, each within seconds.
            Map.entry("spring.datasource.hikari.connection-timeout", "3000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "2000"),
            Map.entry("spring.datasource.hikari.data-source-properties.connectTimeout", "3"),
            Map.entry("spring.datasource.hikari.data-source-properties.loginTimeout", "3"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "10"),
            // Redis (Lettuce).
            Map.entry("spring.data.redis.connect-timeout", "2s"),
            Map.entry("spring.data.redis.timeout", "3s"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
