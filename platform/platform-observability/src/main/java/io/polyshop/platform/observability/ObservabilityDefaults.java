package io.polyshop.platform.observability;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Observability settings every Polyshop service starts with. They sit below every other property
 * source, so a service's application.properties or an environment variable overrides any of them.
 *
 * <p>The operator's plane is apart from the API: the actuator endpoints answer on a management port
 * bound to 127.0.0.1 (the service port + 1000, or a free port when the service port is), while the
 * service port answers only {@code /livez} and {@code /readyz}, without details. Kubernetes sets
 * {@code MANAGEMENT_SERVER_ADDRESS} and {@code MANAGEMENT_SERVER_PORT} to scrape metrics.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "polyshopObservabilityDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Kubernetes-style probes, also used by ./polyshop up to wait for a service: on the
            // service port as /livez and /readyz, saying UP or DOWN and nothing more.
            Map.entry("management.endpoint.health.probes.enabled", true),
            Map.entry("management.endpoint.health.group.liveness.include", "livenessState"),
            Map.entry("management.endpoint.health.group.liveness.additional-path", "server:/livez"),
            Map.entry("management.endpoint.health.group.liveness.show-details", "never"),
            Map.entry("management.endpoint.health.group.liveness.show-components", "never"),
            Map.entry("management.endpoint.health.group.readiness.additional-path", "server:/readyz"),
            Map.entry("management.endpoint.health.group.readiness.show-details", "never"),
            Map.entry("management.endpoint.health.group.readiness.show-components", "never"),
            // Everything else only on the loopback management port, where details help the operator.
            Map.entry("management.server.address", "127.0.0.1"),
            Map.entry("management.endpoint.health.show-details", "always"),
            Map.entry("management.endpoint.health.validate-group-membership", false),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters,outbox"),
            // Every request and Kafka record carries a W3C traceparent; ids land in every log line.
            Map.entry("management.tracing.sampling.probability", 1.0),
            Map.entry("management.tracing.propagation.type", "w3c"),
            // One span per security filter per request cost more CPU than the request's own work
            // (measured with ./polyshop bench cart); the request's span stays.
            Map.entry("management.observations.enable.spring.security", false),
            Map.entry("spring.kafka.template.observation-enabled", true),
            Map.entry("spring.kafka.listener.observation-enabled", true),
            Map.entry("logging.structured.format.console", "ecs"),
            // Requests on Tomcat's pool of platform threads: on two cores, a virtual thread's
            // wake-up through the carrier pool added more to the tail than anything in the cart
            // itself (ADR 0013). The code stays blocking either way.
            Map.entry("spring.threads.virtual.enabled", false));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(DEFAULTS);
        defaults.put("management.server.port", managementPort(environment.getProperty("server.port", Integer.class)));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /** The service port + 1000 (8080 when unset), or a free port when the service takes one. */
    static int managementPort(Integer serverPort) {
        int port = serverPort == null ? 8080 : serverPort;
        return port <= 0 || port + 1000 > 65535 ? 0 : port + 1000;
    }
}
