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
import java.util.HashMap;
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

    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private KafkaRaftServer server;

    private KafkaEngine(int port, int controllerPort, Path dataDirectory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = dataDirectory;
    }

    public static KafkaEngine start(int port, int controllerPort, Path dataDirectory) {
        KafkaEngine engine = new KafkaEngine(port, controllerPort, dataDirectory);
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
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
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
                Map.entry("group.initial.rebalance.delay.ms", "0"));
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
        int exitCode = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "formatting " + dataDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
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
