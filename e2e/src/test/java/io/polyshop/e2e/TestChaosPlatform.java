package io.polyshop.e2e;

import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.api.ProductPublished;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.devstack.chaos.ChaosPlatform;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.PostgresEngine;
import io.polyshop.platform.engines.RestartableEngine;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import io.polyshop.platform.test.TopicPublisher;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The checkout's services as their own JVMs, each saga store its own engine so that a fault takes
 * away exactly one: order and payment on a PostgreSQL server each, inventory on a DynamoDB Local of
 * its own; Kafka is the test JVM's broker, and notification mails through an SMTP server of the
 * test's. The test plays identity (tokens, registrations) and catalog (products).
 */
final class TestChaosPlatform implements ChaosPlatform, AutoCloseable {

    private static final TestTokens TOKENS = TestTokens.shared();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, RestartableEngine> engines = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceJar> services = new LinkedHashMap<>();
    private final SmtpEngine smtp;

    TestChaosPlatform() {
        engines.put("kafka", TestEngines.embeddedKafka());
        Map<String, String> shared = new java.util.HashMap<>(TestTokens.environment());
        shared.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestEngines.kafkaBootstrapServers());

        Map<String, String> order = new HashMap<>(shared);
        database(order, "order");
        // Steps take their default time; compensations are sent again on a scale a run can wait for.
        order.put("POLYSHOP_ORDER_SAGA_COMPENSATION", "10s");
        order.put("POLYSHOP_ORDER_SAGA_COMPENSATION_ATTEMPTS", "30");
        environments.put("order", order);

        Map<String, String> payment = new HashMap<>(shared);
        database(payment, "payment");
        environments.put("payment", payment);

        Map<String, String> inventory = new HashMap<>(shared);
        RestartableEngine dynamoDb = TestEngines.separateDynamoDb("chaos-" + run);
        engines.put("inventory-dynamodb", dynamoDb);
        inventory.put("POLYSHOP_DYNAMODB_ENDPOINT", dynamoDb.address());
        environments.put("inventory", inventory);

        List<Integer> free = LoopbackPorts.free(5);
        smtp = SmtpEngine.start(free.get(4));
        Map<String, String> notification = new HashMap<>(shared);
        notification.put("SPRING_MONGODB_URI", TestEngines.mongoUri("notification_chaos"));
        notification.put("SPRING_MAIL_HOST", LoopbackPorts.HOST);
        notification.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
        environments.put("notification", notification);

        int next = 0;
        for (String service : environments.keySet()) {
            ports.put(service, free.get(next++));
        }
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String service : environments.keySet()) {
            starting.add(CompletableFuture.runAsync(() -> restart(service)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    }

    private void database(Map<String, String> environment, String service) {
        PostgresEngine postgres = TestEngines.separatePostgres("chaos-" + service + "-" + run);
        engines.put(service + "-postgres", postgres);
        postgres.createDatabase(service, service, service + "-secret");
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service));
        environment.put("SPRING_DATASOURCE_USERNAME", service);
        environment.put("SPRING_DATASOURCE_PASSWORD", service + "-secret");
    }

    @Override
    public URI service(String name) {
        return URI.create("http://" + LoopbackPorts.HOST + ":" + ports.get(name));
    }

    @Override
    public String kafkaBootstrapServers() {
        return TestEngines.kafkaBootstrapServers();
    }

    @Override
    public List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            UUID id = UUID.randomUUID();
            String email = "chaos-" + run + "-" + c + "@e2e.polyshop.test";
            TopicPublisher.shared()
                    .publish(
                            IdentityEvents.TOPIC,
                            IdentityEvents.USER_REGISTERED,
                            id.toString(),
                            new UserRegistered(id, email, "Chaos customer " + c, Instant.now()));
            // A test token lives five minutes; a run is longer.
            customers.add(new Customer(id.toString(), email, () -> TOKENS.valid(id.toString(), "CUSTOMER")));
        }
        return customers;
    }

    @Override
    public String operatorToken() {
        return TOKENS.valid("chaos-operator", "ADMIN");
    }

    @Override
    public List<String> productsOnSale(String label, int count) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID productId = UUID.randomUUID();
            String sku =
                    ("CHAOS-" + label + "-" + productId.toString().substring(0, 8)).toUpperCase(java.util.Locale.ROOT);
            Instant now = Instant.now();
            TopicPublisher.shared()
                    .publish(
                            CatalogEvents.TOPIC,
                            CatalogEvents.PRODUCT_PUBLISHED,
                            productId.toString(),
                            new ProductPublished(new ProductSnapshot(
                                    productId,
                                    1,
                                    sku,
                                    sku.toLowerCase(java.util.Locale.ROOT),
                                    "Chaos product " + i,
                                    "A product a fault run sells.",
                                    new ProductSnapshot.Brand("acme", "Acme"),
                                    new ProductSnapshot.Category("gadgets", "Gadgets", List.of("gadgets")),
                                    new ProductSnapshot.Price(new BigDecimal("12.50"), "EUR"),
                                    List.of(),
                                    Map.of(),
                                    List.of(),
                                    now,
                                    now)));
            skus.add(sku);
        }
        return skus;
    }

    @Override
    public List<Mail> mailsTo(String email) {
        return smtp.received().stream()
                .filter(mail -> mail.to().contains(email))
                .map(mail -> new Mail(mail.subject(), mail.messageId()))
                .toList();
    }

    @Override
    public void kill(String service) {
        ServiceJar running;
        synchronized (services) {
            running = services.get(service);
        }
        running.kill();
    }

    @Override
    public void restart(String service) {
        ServiceJar started = ServiceJar.start(service, ports.get(service), environments.get(service));
        synchronized (services) {
            services.put(service, started);
        }
    }

    @Override
    public void stop(String engine) {
        engines.get(engine).close();
    }

    @Override
    public void start(String engine) {
        engines.get(engine).start();
    }

    @Override
    public void close() {
        synchronized (services) {
            services.values().forEach(ServiceJar::close);
        }
        smtp.close();
    }
}
