package io.polyshop.devstack;

import io.polyshop.devstack.ServiceDescriptor.StoreInstance;
import io.polyshop.devstack.StatusBoard.Row;
import io.polyshop.devstack.StatusBoard.State;
import io.polyshop.devstack.demo.CatalogSeeder;
import io.polyshop.platform.engines.DynamoDbEngine;
import io.polyshop.platform.engines.Engine;
import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.MongoWireEngine;
import io.polyshop.platform.engines.OpenSearchEngine;
import io.polyshop.platform.engines.PostgresEngine;
import io.polyshop.platform.engines.RedisEngine;
import io.polyshop.platform.engines.RestartableEngine;
import io.polyshop.platform.engines.SmtpEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code ./polyshop up} runs: Kafka, then one store server per service that owns a store,
 * then every service whose jar is built, each as its own JVM. Everything listens on 127.0.0.1;
 * data lives under {@code .polyshop/data}. Stopping this process (SIGTERM, Ctrl-C) stops services
 * first, then engines.
 */
public final class Devstack {

    private static final Logger log = LoggerFactory.getLogger(Devstack.class);
    private static final String GATEWAY = "gateway";

    private final Path root;
    private final PortSettings ports;
    private final Path home;
    private final StatusBoard board;
    private final Deque<Engine> engines = new ArrayDeque<>();
    private final Map<String, RestartableEngine> restartable = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceDescriptor> descriptorsByName = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, String> shared = new LinkedHashMap<>();
    private DevstackControl control;
    private volatile boolean failed;

    Devstack(Path root, PortSettings ports) {
        this.root = root;
        this.ports = ports;
        this.home = root.resolve(".polyshop");
        this.board = new StatusBoard(directory("run").resolve("status.tsv"));
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Devstack devstack = new Devstack(root, new PortSettings(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(devstack::stop, "devstack-stop"));
        try {
            devstack.start();
        } catch (DevstackException e) {
            devstack.fail(e.getMessage(), null);
        } catch (RuntimeException e) {
            devstack.fail(e.getMessage(), e);
        }
        new CountDownLatch(1).await();
    }

    void start() {
        Properties sharedSettings = properties(root.resolve("devstack/devstack.properties"));
        List<ServiceDescriptor> descriptors = descriptors();
        int kafkaPort = ports.port(sharedSettings, "kafka.port", "kafka.port", "devstack.properties");
        int controllerPort =
                ports.port(sharedSettings, "kafka.controller-port", "kafka.controller-port", "devstack.properties");
        int smtpPort = ports.port(sharedSettings, "mail.smtp-port", "mail.smtp-port", "devstack.properties");
        int mailboxPort = ports.port(sharedSettings, "mail.web-port", "mail.web-port", "devstack.properties");
        int controlPort = ports.port(sharedSettings, "control.port", "control.port", "devstack.properties");
        requirePortsFree(
                List.of(
                        Map.entry(kafkaPort, "kafka (kafka.port)"),
                        Map.entry(controllerPort, "kafka (kafka.controller-port)"),
                        Map.entry(smtpPort, "smtp (mail.smtp-port)"),
                        Map.entry(mailboxPort, "mailbox (mail.web-port)"),
                        Map.entry(controlPort, "devstack control (control.port)")),
                descriptors);

        board.overall(State.STARTING, "starting engines");
        KafkaEngine kafka = startEngine(
                "kafka", "shared event backbone", () -> KafkaEngine.start(kafkaPort, controllerPort, data("kafka")));
        restartable.put("kafka", kafka);
        shared.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.address());
        SmtpEngine smtp = startEngine(
                "smtp", "accepts every e-mail the shop sends, keeps it in memory", () -> SmtpEngine.start(smtpPort));
        Mailbox mailbox = startEngine(
                "mailbox", "what the shop sent: e-mails and webhook calls", () -> Mailbox.start(mailboxPort, smtp));
        shared.putAll(Mailbox.environmentFor(smtp, mailbox));
        shared.put("SPRING_PROFILES_ACTIVE", "devstack");
        descriptors.stream()
                .filter(service -> service.name().equals("identity"))
                .findFirst()
                .ifPresent(identity -> {
                    shared.put(
                            "POLYSHOP_SECURITY_JWKS_URI",
                            "http://" + LoopbackPorts.HOST + ":" + identity.port() + "/oauth2/jwks");
                    shared.put("POLYSHOP_SECURITY_ISSUER", "polyshop-identity");
                    identity.stores().stream()
                            .filter(store -> store.store() == Store.REDIS)
                            .findFirst()
                            .ifPresent(revocations -> shared.put(
                                    "POLYSHOP_SECURITY_REVOCATIONS_URL",
                                    "redis://" + LoopbackPorts.HOST + ":" + revocations.port()));
                });
        // Services that call another's API (search rebuilding from catalog) find it here.
        descriptors.forEach(service -> shared.put(
                "POLYSHOP_SERVICE_"
                        + service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL",
                "http://" + LoopbackPorts.HOST + ":" + service.port()));

        Map<String, Map<String, String>> environmentByService = new LinkedHashMap<>();
        for (ServiceDescriptor service : descriptors) {
            Map<String, String> environment = new LinkedHashMap<>(shared);
            for (StoreInstance store : service.stores()) {
                environment.putAll(startStore(store));
            }
            environmentByService.put(service.name(), environment);
        }

        Map<String, String> gateway = environmentByService.get(GATEWAY);
        if (gateway != null) {
            gateway.putAll(gatewayRoutes(descriptors));
        }

        board.overall(State.STARTING, "starting services");
        for (ServiceDescriptor service : descriptors) {
            descriptorsByName.put(service.name(), service);
            environments.put(service.name(), environmentByService.get(service.name()));
            startService(service, environmentByService.get(service.name()));
        }
        services.values().forEach(ServiceProcess::awaitReady);
        control = DevstackControl.start(controlPort, directory("run"), new ControlHandles());
        loadDemoCatalog(descriptors);
        board.overall(State.READY, engines.size() + " engines, " + services.size() + " services");
        log.info("devstack ready: {} engines, {} services", engines.size(), services.size());
    }

    /**
     * On first start the catalog is empty: it gets the demo catalog (POLYSHOP_DEMO_PRODUCTS products,
     * 10000 unless set; 0 skips it). A catalog that has products is left as it is.
     */
    private void loadDemoCatalog(List<ServiceDescriptor> descriptors) {
        Map<String, ServiceDescriptor> byName = new LinkedHashMap<>();
        descriptors.forEach(service -> byName.put(service.name(), service));
        String setting = System.getenv().getOrDefault("POLYSHOP_DEMO_PRODUCTS", "10000");
        if (!setting.matches("\\d{1,7}")) {
            throw new DevstackException(
                    "POLYSHOP_DEMO_PRODUCTS must be a number of products (0 skips the demo catalog), not '" + setting
                            + "'");
        }
        int products = Integer.parseInt(setting);
        if (products <= 0 || !byName.containsKey("catalog") || !byName.containsKey("identity")) {
            return;
        }
        String logFile = ".polyshop/logs/devstack.log";
        java.net.URI identity = java.net.URI.create(
                "http://" + LoopbackPorts.HOST + ":" + byName.get("identity").port());
        java.net.URI catalog = java.net.URI.create(
                "http://" + LoopbackPorts.HOST + ":" + byName.get("catalog").port());
        CatalogSeeder seeder = new CatalogSeeder(identity, catalog, line -> {
            log.info("demo data: {}", line);
            board.put(new Row("demo-data", "data", State.STARTING, "", line, logFile));
        });
        try {
            long existing = seeder.visibleProducts();
            if (existing > 0) {
                board.put(
                        new Row("demo-data", "data", State.READY, "", existing + " products in the catalog", logFile));
                return;
            }
            board.put(new Row(
                    "demo-data", "data", State.STARTING, "", "loading " + products + " demo products", logFile));
            long started = System.nanoTime();
            CatalogSeeder.Report report = seeder.seed(products);
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
            board.put(new Row(
                    "demo-data",
                    "data",
                    report.rejected() == 0 ? State.READY : State.FAILED,
                    "",
                    report.created() + " demo products loaded in " + seconds + " s"
                            + (report.rejected() == 0 ? "" : ", " + report.rejected() + " rejected"),
                    logFile));
        } catch (RuntimeException e) {
            log.warn("demo data could not be loaded", e);
            board.put(new Row("demo-data", "data", State.FAILED, "", "not loaded: " + e.getMessage(), logFile));
        }
    }

    /** Reports why the start failed, in one line for the user (the trace only when it is a surprise). */
    private void fail(String reason, RuntimeException unexpected) {
        failed = true;
        if (unexpected == null) {
            log.error("devstack did not start: {}", reason);
        } else {
            log.error("devstack did not start: {}", reason, unexpected);
        }
        board.overall(State.FAILED, reason);
        System.exit(1);
    }

    /** The gateway learns each service's address and paths from the descriptors. */
    private static Map<String, String> gatewayRoutes(List<ServiceDescriptor> descriptors) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (ServiceDescriptor service : descriptors) {
            if (service.name().equals(GATEWAY) || service.routes().isEmpty()) {
                continue;
            }
            String prefix = "POLYSHOP_GATEWAY_ROUTES_"
                    + service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            routes.put(prefix + "_URI", "http://" + LoopbackPorts.HOST + ":" + service.port());
            for (int i = 0; i < service.routes().size(); i++) {
                routes.put(prefix + "_PATHS_" + i, service.routes().get(i));
            }
        }
        return routes;
    }

    private Map<String, String> startStore(StoreInstance store) {
        String name = store.name();
        String owner = "owned by " + store.owner();
        return switch (store.store()) {
            case POSTGRES -> {
                PostgresEngine postgres =
                        startEngine(name, owner, () -> PostgresEngine.start(store.port(), data(name)));
                restartable.put(name, postgres);
                String password = secret(name);
                postgres.createDatabase(store.owner(), store.owner(), password);
                postgres.requirePasswordsExceptSuperuser();
                board.put(new Row(
                        name,
                        "engine",
                        State.READY,
                        postgres.jdbcUrl(store.owner()),
                        owner + ", user " + store.owner(),
                        ".polyshop/logs/devstack.log"));
                yield Map.of(
                        "SPRING_DATASOURCE_URL", postgres.jdbcUrl(store.owner()),
                        "SPRING_DATASOURCE_USERNAME", store.owner(),
                        "SPRING_DATASOURCE_PASSWORD", password);
            }
            case MONGODB -> {
                MongoWireEngine mongo = startEngine(name, owner, () -> MongoWireEngine.start(store.port(), data(name)));
                yield Map.of("SPRING_MONGODB_URI", mongo.address() + "/" + store.owner());
            }
            case REDIS -> {
                RedisEngine redis = startEngine(name, owner, () -> RedisEngine.start(store.port(), data(name)));
                yield Map.of("SPRING_DATA_REDIS_URL", redis.address());
            }
            case DYNAMODB -> {
                DynamoDbEngine dynamo = startEngine(name, owner, () -> DynamoDbEngine.start(store.port(), data(name)));
                restartable.put(name, dynamo);
                yield Map.of("POLYSHOP_DYNAMODB_ENDPOINT", dynamo.address());
            }
            case OPENSEARCH -> {
                OpenSearchEngine search = startEngine(
                        name, owner, () -> OpenSearchEngine.start(store.port(), store.transportPort(), data(name)));
                yield Map.of("POLYSHOP_OPENSEARCH_URL", search.address());
            }
        };
    }

    private <E extends Engine> E startEngine(String name, String detail, java.util.function.Supplier<E> start) {
        board.put(new Row(name, "engine", State.STARTING, "", detail, ".polyshop/logs/devstack.log"));
        long started = System.nanoTime();
        try {
            E engine = start.get();
            engines.push(engine);
            long millis = (System.nanoTime() - started) / 1_000_000;
            board.put(new Row(
                    name,
                    "engine",
                    State.READY,
                    engine.address(),
                    detail + ", up in " + millis + " ms",
                    ".polyshop/logs/devstack.log"));
            log.info("{} ready at {} in {} ms", name, engine.address(), millis);
            return engine;
        } catch (RuntimeException e) {
            board.put(new Row(name, "engine", State.FAILED, "", e.getMessage(), ".polyshop/logs/devstack.log"));
            throw e;
        }
    }

    private void startService(ServiceDescriptor service, Map<String, String> environment) {
        String logFile = ".polyshop/logs/" + service.name() + ".log";
        String url = "http://" + LoopbackPorts.HOST + ":" + service.port();
        if (!Files.isRegularFile(service.jar())) {
            board.put(new Row(service.name(), "service", State.NOT_BUILT, url, service.summary(), logFile));
            return;
        }
        ServiceProcess process = ServiceProcess.start(
                service, environment, root.resolve(logFile), directory("run").resolve(service.name() + ".pid"), board);
        services.put(service.name(), process);
    }

    /** What ./polyshop chaos pulls, through {@link DevstackControl}. */
    private final class ControlHandles implements DevstackControl.Handles {

        @Override
        public void stopEngine(String name) {
            engine(name).close();
            board.put(new Row(
                    name,
                    "engine",
                    State.STOPPED,
                    "",
                    "stopped by the devstack control",
                    ".polyshop/logs/devstack.log"));
        }

        @Override
        public void startEngine(String name) {
            RestartableEngine engine = engine(name);
            engine.start();
            board.put(new Row(
                    name, "engine", State.READY, engine.address(), "started again", ".polyshop/logs/devstack.log"));
        }

        @Override
        public void killService(String name) {
            ServiceProcess running;
            synchronized (Devstack.this) {
                running = services.get(name);
            }
            if (running == null) {
                throw new IllegalArgumentException(
                        "no service named '" + name + "' runs (have: " + services.keySet() + ")");
            }
            running.kill();
        }

        @Override
        public void startService(String name) {
            ServiceDescriptor service = descriptorsByName.get(name);
            if (service == null || !services.containsKey(name)) {
                throw new IllegalArgumentException("no service named '" + name + "' (have: " + services.keySet() + ")");
            }
            ServiceProcess started;
            synchronized (Devstack.this) {
                if (services.get(name).isAlive()) {
                    return;
                }
                Devstack.this.startService(service, environments.get(name));
                started = services.get(name);
            }
            started.awaitReady();
        }

        private RestartableEngine engine(String name) {
            RestartableEngine engine = restartable.get(name);
            if (engine == null) {
                throw new IllegalArgumentException(
                        "no engine named '" + name + "' that can be stopped (have: " + restartable.keySet() + ")");
            }
            return engine;
        }
    }

    private void requirePortsFree(List<Map.Entry<Integer, String>> sharedPorts, List<ServiceDescriptor> descriptors) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        sharedPorts.forEach(port -> claim(wanted, port.getKey(), port.getValue()));
        for (ServiceDescriptor service : descriptors) {
            for (StoreInstance store : service.stores()) {
                claim(wanted, store.port(), store.name());
                if (store.transportPort() != 0) {
                    claim(wanted, store.transportPort(), store.name() + " transport");
                }
            }
            if (Files.isRegularFile(service.jar())) {
                claim(wanted, service.port(), service.name());
                claim(wanted, service.managementPort(), service.name() + " management");
            }
        }
        List<String> taken = wanted.entrySet().stream()
                .filter(entry -> LoopbackPorts.isListening(entry.getKey()))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new DevstackException(
                    "ports already in use by another program: " + String.join(", ", taken)
                            + ". Stop that program, or choose other ports with POLYSHOP_PORT_* variables (see devstack/devstack.properties).");
        }
    }

    private static void claim(Map<Integer, String> wanted, int port, String name) {
        String previous = wanted.putIfAbsent(port, name);
        if (previous != null) {
            throw new DevstackException("port " + port + " is configured for both " + previous + " and " + name);
        }
    }

    private List<ServiceDescriptor> descriptors() {
        Path directory = root.resolve("devstack/services");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".properties"))
                    .sorted()
                    .map(file -> ServiceDescriptor.read(file, root, ports))
                    .toList();
        } catch (IOException e) {
            throw new DevstackException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Stops services, then engines in reverse start order; safe to call more than once. */
    synchronized void stop() {
        if (control != null) {
            control.close();
        }
        // All at once: one by one, the slowest few would outlast the time ./polyshop down allows.
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(ServiceProcess::awaitStopped);
        services.clear();
        while (!engines.isEmpty()) {
            Engine engine = engines.pop();
            try {
                engine.close();
                log.info("{} stopped", engine.name());
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", engine.name(), e.getMessage());
            }
        }
        if (!failed) {
            board.overall(State.STOPPED, "stopped");
        }
    }

    /** A password made on first start and kept under .polyshop/secrets, readable by the owner only. */
    private String secret(String name) {
        Path file = directory("secrets").resolve(name + ".password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path data(String name) {
        return directory("data/" + name);
    }

    private Path directory(String relative) {
        try {
            return Files.createDirectories(home.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new DevstackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
