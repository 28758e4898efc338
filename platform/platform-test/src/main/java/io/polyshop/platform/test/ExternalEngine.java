package io.polyshop.platform.test;

import java.util.Optional;

/**
 * The environment variables that point tests at an external, real server instead of the engine
 * this JVM would start. Unset (or blank) means: start the embedded engine.
 */
public enum ExternalEngine {
    /** A JDBC URL with a user allowed to create databases, e.g. {@code jdbc:postgresql://db:5432/postgres?user=postgres&password=secret}. */
    POSTGRES("POLYSHOP_TEST_POSTGRES_URL"),
    /** e.g. {@code redis://cache:6379} */
    REDIS("POLYSHOP_TEST_REDIS_URI"),
    /** e.g. {@code broker-1:9092,broker-2:9092} */
    KAFKA("POLYSHOP_TEST_KAFKA_BOOTSTRAP_SERVERS"),
    /** e.g. {@code http://dynamodb:8000} */
    DYNAMODB("POLYSHOP_TEST_DYNAMODB_ENDPOINT"),
    /** e.g. {@code http://search:9200} */
    OPENSEARCH("POLYSHOP_TEST_OPENSEARCH_URL"),
    /** e.g. {@code mongodb://mongo:27017} */
    MONGODB("POLYSHOP_TEST_MONGODB_URI");

    private final String variable;

    ExternalEngine(String variable) {
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }

    public Optional<String> address() {
        return Optional.ofNullable(System.getenv(variable)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
