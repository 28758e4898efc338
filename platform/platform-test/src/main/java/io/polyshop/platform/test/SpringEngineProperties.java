package io.polyshop.platform.test;

import java.util.UUID;
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

    /** A database of its own on the test MongoDB server as {@code spring.mongodb.uri}. */
    public static String mongo(DynamicPropertyRegistry registry, String hint) {
        String database = hint.replaceAll("[^a-zA-Z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        String server = TestEngines.mongoUri();
        int options = server.indexOf('?');
        String base = options < 0 ? server : server.substring(0, options);
        String query = options < 0 ? "" : server.substring(options);
        base = base.replaceAll("/[^/:]*$", "");
        String uri = base + "/" + database + query;
        registry.add("spring.mongodb.uri", () -> uri);
        return database;
    }

    /** The test broker as {@code spring.kafka.bootstrap-servers}. */
    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestEngines::kafkaBootstrapServers);
    }
}
