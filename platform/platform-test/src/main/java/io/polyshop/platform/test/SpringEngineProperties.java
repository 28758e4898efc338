package io.polyshop.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test's standard settings at the test engines, from a
 * {@code @DynamicPropertySource} method: {@code SpringEngineProperties.postgres(registry, "orders")}.
 */
public final class SpringEngineProperties {

    private SpringEngineProperties() {}

    /** A fresh database for this test context as {@code spring.datasource.*}. */
    public static PostgresDatabase postgres(DynamicPropertyRegistry registry, String hint) {
        PostgresDatabase database = TestEngines.freshPostgresDatabase(hint);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }

    /** A database of its own on the test MongoDB server as {@code spring.mongodb.uri}; answers the URI. */
    public static String mongo(DynamicPropertyRegistry registry, String hint) {
        String uri = TestEngines.mongoUri(hint);
        registry.add("spring.mongodb.uri", () -> uri);
        return uri;
    }

    /** The test broker as {@code spring.kafka.bootstrap-servers}. */
    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestEngines::kafkaBootstrapServers);
        // The shared test broker is the platform's own, on loopback, like the devstack's.
        registry.add("polyshop.kafka.authentication", () -> "none");
    }
}
