package io.polyshop.platform.test;

import io.polyshop.platform.engines.DynamoDbEngine;
import io.polyshop.platform.engines.Engine;
import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.MongoWireEngine;
import io.polyshop.platform.engines.OpenSearchEngine;
import io.polyshop.platform.engines.PostgresEngine;
import io.polyshop.platform.engines.RedisEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The store engines of this test JVM: each is started on first use, on 127.0.0.1 and a free port,
 * and shared by every test class in the JVM; all stop when the JVM exits. When the engine's
 * {@link ExternalEngine} variable is set, tests use that server instead and nothing is started.
 */
public final class TestEngines {

    private static final Deque<Engine> STARTED = new ArrayDeque<>();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Path workDirectory;

    private static PostgresEngine postgres;
    private static RedisEngine redis;
    private static KafkaEngine kafka;
    private static DynamoDbEngine dynamoDb;
    private static OpenSearchEngine openSearch;
    private static MongoWireEngine mongo;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestEngines::stopAll, "polyshop-test-engines-stop"));
    }

    private TestEngines() {}

    /** A new, empty database on the test PostgreSQL server; each call gets its own. */
    public static PostgresDatabase freshPostgresDatabase(String hint) {
        String name =
                ("t" + DATABASES.incrementAndGet() + "_" + hint.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9_]", "_");
        name = name.substring(0, Math.min(name.length(), 60));
        var external = ExternalEngine.POSTGRES.address();
        if (external.isPresent()) {
            return createOnExternalServer(external.get(), name);
        }
        PostgresEngine engine = postgres();
        engine.createDatabase(name, name, name);
        return new PostgresDatabase(engine.jdbcUrl(name), name, name);
    }

    private static PostgresDatabase createOnExternalServer(String adminUrl, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
            String url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            return new PostgresDatabase(url, connection.getMetaData().getUserName(), null);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create a test database on " + ExternalEngine.POSTGRES.variable() + ": " + e.getMessage(),
                    e);
        }
    }

    public static String redisUri() {
        return ExternalEngine.REDIS.address().orElseGet(() -> redis().address());
    }

    public static String kafkaBootstrapServers() {
        return ExternalEngine.KAFKA.address().orElseGet(() -> kafka().address());
    }

    /**
     * The embedded broker itself, for tests that take Kafka away and bring it back. Such tests
     * cannot run against an external broker, and say so.
     */
    public static KafkaEngine embeddedKafka() {
        if (ExternalEngine.KAFKA.address().isPresent()) {
            throw new IllegalStateException("This test stops and restarts the broker; unset "
                    + ExternalEngine.KAFKA.variable() + " to run it against the embedded one.");
        }
        return kafka();
    }

    /**
     * The embedded PostgreSQL server itself, for tests that take the store away and bring it back.
     * Such tests cannot run against an external server, and say so.
     */
    public static PostgresEngine embeddedPostgres() {
        if (ExternalEngine.POSTGRES.address().isPresent()) {
            throw new IllegalStateException("This test stops and restarts PostgreSQL; unset "
                    + ExternalEngine.POSTGRES.variable() + " to run it against the embedded one.");
        }
        return postgres();
    }

    /**
     * A PostgreSQL server of its own, for a test that stops it while others keep theirs; stopped
     * when the JVM exits.
     */
    public static PostgresEngine separatePostgres(String name) {
        requireEmbedded(ExternalEngine.POSTGRES);
        return started(() -> PostgresEngine.start(LoopbackPorts.free(), directory("postgres-" + name)));
    }

    /** A DynamoDB Local of its own, for a test that stops it; stopped when the JVM exits. */
    public static DynamoDbEngine separateDynamoDb(String name) {
        requireEmbedded(ExternalEngine.DYNAMODB);
        return started(() -> DynamoDbEngine.start(LoopbackPorts.free(), directory("dynamodb-" + name)));
    }

    /** A Redis of its own with a memory cap of {@code maxMemoryBytes}, for a test that fills it. */
    public static RedisEngine separateRedis(String name, long maxMemoryBytes) {
        return started(() -> RedisEngine.start(LoopbackPorts.free(), directory("redis-" + name), maxMemoryBytes));
    }

    private static void requireEmbedded(ExternalEngine engine) {
        if (engine.address().isPresent()) {
            throw new IllegalStateException(
                    "This test stops and restarts its own engine; unset " + engine.variable() + " to run it.");
        }
    }

    public static String dynamoDbEndpoint() {
        return ExternalEngine.DYNAMODB.address().orElseGet(() -> dynamoDb().address());
    }

    public static String openSearchUrl() {
        return ExternalEngine.OPENSEARCH.address().orElseGet(() -> openSearch().address());
    }

    public static String mongoUri() {
        return ExternalEngine.MONGODB.address().orElseGet(() -> mongo().address());
    }

    /**
     * A database of its own on the test MongoDB server, named after {@code hint}. Clients of it give
     * up on an unreachable server within seconds: at JVM exit the engines and the Spring contexts
     * stop side by side, and a store call must not hold the exit for the driver's default 30 s.
     */
    public static String mongoUri(String hint) {
        String database = hint.replaceAll("[^a-zA-Z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        String server = mongoUri();
        int options = server.indexOf('?');
        String base = (options < 0 ? server : server.substring(0, options)).replaceAll("/[^/:]*$", "");
        String query = options < 0 ? "?" : server.substring(options) + "&";
        return base + "/" + database + query + "serverSelectionTimeoutMS=3000";
    }

    private static synchronized PostgresEngine postgres() {
        if (postgres == null) {
            postgres = started(() -> PostgresEngine.start(LoopbackPorts.free(), directory("postgres")));
        }
        return postgres;
    }

    private static synchronized RedisEngine redis() {
        if (redis == null) {
            redis = started(() -> RedisEngine.start(LoopbackPorts.free(), directory("redis")));
        }
        return redis;
    }

    private static synchronized KafkaEngine kafka() {
        if (kafka == null) {
            kafka = started(() -> {
                List<Integer> ports = LoopbackPorts.free(2);
                return KafkaEngine.start(ports.get(0), ports.get(1), directory("kafka"));
            });
        }
        return kafka;
    }

    private static synchronized DynamoDbEngine dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = started(() -> DynamoDbEngine.start(LoopbackPorts.free(), directory("dynamodb")));
        }
        return dynamoDb;
    }

    private static synchronized OpenSearchEngine openSearch() {
        if (openSearch == null) {
            openSearch = started(() -> {
                List<Integer> ports = LoopbackPorts.free(2);
                return OpenSearchEngine.start(ports.get(0), ports.get(1), directory("opensearch"));
            });
        }
        return openSearch;
    }

    private static synchronized MongoWireEngine mongo() {
        if (mongo == null) {
            mongo = started(() -> MongoWireEngine.start(LoopbackPorts.free()));
        }
        return mongo;
    }

    private static <E extends Engine> E started(Supplier<E> start) {
        E engine = start.get();
        synchronized (STARTED) {
            STARTED.push(engine);
        }
        return engine;
    }

    private static synchronized Path directory(String engine) {
        try {
            if (workDirectory == null) {
                workDirectory = Files.createTempDirectory("polyshop-test-engines-");
            }
            return Files.createDirectories(workDirectory.resolve(engine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAll() {
        while (true) {
            Engine engine;
            synchronized (STARTED) {
                if (STARTED.isEmpty()) {
                    break;
                }
                engine = STARTED.pop();
            }
            try {
                engine.close();
            } catch (RuntimeException e) {
                System.err.println("polyshop: " + engine.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
        if (workDirectory != null) {
            try (Stream<Path> paths = Files.walk(workDirectory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("polyshop: could not delete " + workDirectory + ": " + e.getMessage());
            }
        }
    }
}
