package io.polyshop.platform.engines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller, one node), log directory in
 * {@code dataDirectory}. It can be stopped and started again on the same ports and data, which is
 * how outage tests take Kafka away and bring it back.
 */
public final class KafkaEngine implements RestartableEngine {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Partitions of every topic the broker creates, and the least it lets an existing topic keep. */
    public static final int PARTITIONS = 12;

    /** The SASL mechanism of a broker that authenticates its clients. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final String BROKER_USER = "polyshop-broker";

    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    /** Users and passwords the broker knows; empty for a broker that takes anyone (plaintext). */
    private final Map<String, String> scramUsers;

    private KafkaRaftServer server;

    private KafkaEngine(int port, int controllerPort, Path dataDirectory, Map<String, String> scramUsers) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = dataDirectory;
        this.scramUsers = Map.copyOf(scramUsers);
    }

    /** A broker that takes any client on loopback, as the devstack and the tests run it. */
    public static KafkaEngine start(int port, int controllerPort, Path dataDirectory) {
        KafkaEngine engine = new KafkaEngine(port, controllerPort, dataDirectory, Map.of());
        engine.start();
        return engine;
    }

    /**
     * A broker that admits only clients that authenticate with SASL/SCRAM as one of {@code users}
     * (name to password), as production runs Kafka. The users are written when the log directory is
     * first formatted; the broker talks to itself as a user of its own.
     */
    public static KafkaEngine startAuthenticating(
            int port, int controllerPort, Path dataDirectory, Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an authenticating broker needs at least one user");
        }
        Map<String, String> withBroker = new HashMap<>(users);
        withBroker.put(BROKER_USER, Uuid.randomUuid().toString());
        KafkaEngine engine = new KafkaEngine(port, controllerPort, dataDirectory, withBroker);
        engine.start();
        return engine;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            Map<String, String> settings = settings();
            formatOnce(settings);
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
            started.startup();
            server = started;
            awaitReady();
        } catch (IOException | RuntimeException e) {
            close();
            throw new EngineStartException("Kafka did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> settings() {
        String host = LoopbackPorts.HOST;
        String clients = authenticates() ? "SASL_PLAINTEXT" : "PLAINTEXT";
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
                Map.entry(
                        "listeners",
                        clients + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", clients + "://" + host + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", clients),
                Map.entry("listener.security.protocol.map", clients + ":" + clients + ",CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDirectory.toAbsolutePath().toString()),
                // Saga participants consume with one thread per partition (see MessagingDefaults).
                Map.entry("num.partitions", Integer.toString(PARTITIONS)),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        if (authenticates()) {
            // The controller listener stays plaintext: in this combined node it is the broker's own.
            settings.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            settings.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            settings.put(
                    "listener.name.sasl_plaintext." + SCRAM_MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    scramLogin(BROKER_USER, scramUsers.get(BROKER_USER)));
        }
        return settings;
    }

    private boolean authenticates() {
        return !scramUsers.isEmpty();
    }

    /** The JAAS line a client (or the broker itself) logs in with. */
    public static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + jaasQuoted(user)
                + "\" password=\"" + jaasQuoted(password) + "\";";
    }

    private static String jaasQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** What a client needs to reach this broker as {@code user}: the address, and SASL when it authenticates. */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", address());
        if (authenticates()) {
            client.put("security.protocol", "SASL_PLAINTEXT");
            client.put("sasl.mechanism", SCRAM_MECHANISM);
            client.put("sasl.jaas.config", scramLogin(user, password));
        }
        return client;
    }

    /** KRaft needs a formatted log directory; one formatted before is used as it is. */
    private void formatOnce(Map<String, String> settings) throws IOException {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        Path propertiesFile = dataDirectory.resolve("server.properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "written by Polyshop's KafkaEngine");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> arguments =
                new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()));
        scramUsers.forEach((user, password) -> {
            arguments.add("--add-scram");
            arguments.add(SCRAM_MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        int exitCode = StorageTool.execute(
                arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "formatting " + dataDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> settings = clientSettings(BROKER_USER, scramUsers.get(BROKER_USER));
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(settings)) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(10, TimeUnit.SECONDS)
                            .isEmpty()) {
                        growTopics(admin);
                        return;
                    }
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("broker not ready after " + READY_TIMEOUT, e);
                    }
                }
                sleep();
            }
        }
    }

    /**
     * Topics created under an older, smaller partition count get {@link #PARTITIONS}, so that data
     * kept from before still lets consumers work in parallel. Keys move to other partitions once,
     * at start, when nothing is being consumed.
     */
    private static void growTopics(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, NewPartitions> grow = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, topic) -> {
            if (topic.partitions().size() < PARTITIONS) {
                grow.put(name, NewPartitions.increaseTo(PARTITIONS));
            }
        });
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public String address() {
        return LoopbackPorts.HOST + ":" + port;
    }

    /** Stops the broker; {@link #start()} brings it back on the same ports with the same data. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
