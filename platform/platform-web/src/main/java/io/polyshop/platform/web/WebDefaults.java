package io.polyshop.platform.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Web settings every Polyshop service starts with, below every other property source.
 *
 * <p>The client's address: a request's {@code X-Forwarded-For} is believed only when it comes from
 * a trusted proxy (the gateway), which writes the client it saw there; from anybody else the header
 * is ignored and the peer is the client. Loopback is trusted by default, as the devstack's gateway
 * is there; on Kubernetes {@code SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES} names the gateway's pods.
 *
 * <p>API documents are OpenAPI 3.0: the contract tester and linters read every part of 3.0, while
 * 3.1's typed parameters (a repeated {@code ?brand=}) are still read as JSON by some of them.
 */
public class WebDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "polyshopWebDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "server.forward-headers-strategy", "native",
            "server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For",
            "server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1",
            "springdoc.api-docs.version", "openapi_3_0");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
