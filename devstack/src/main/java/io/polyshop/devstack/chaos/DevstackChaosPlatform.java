package io.polyshop.devstack.chaos;

import io.polyshop.devstack.ControlClient;
import io.polyshop.devstack.RunningPlatform;
import io.polyshop.devstack.bench.JsonHttp;
import io.polyshop.devstack.demo.CatalogSeeder;
import io.polyshop.devstack.demo.DemoCatalog;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The platform {@code ./polyshop up} runs, as a chaos run sees it: customers sign up with identity,
 * products are imported into the catalog, e-mail is read from the mailbox, and faults are pulled
 * through the devstack's control.
 */
final class DevstackChaosPlatform implements ChaosPlatform {

    private static final String PASSWORD = "polyshop-chaos-2026";

    private final RunningPlatform platform;
    private final ControlClient control;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int products;

    DevstackChaosPlatform(Path root) {
        this.platform = RunningPlatform.read(root);
        this.control = ControlClient.of(root);
    }

    String run() {
        return run;
    }

    @Override
    public URI service(String name) {
        return platform.url(name);
    }

    @Override
    public String kafkaBootstrapServers() {
        return platform.readyAddresses().get("kafka");
    }

    @Override
    public List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String email = "chaos-" + run + "-" + c + "@polyshop.local";
            String token = JsonHttp.signUp(platform.url("identity"), email, PASSWORD, "Chaos customer " + c);
            JsonNode me = new JsonHttp(token)
                    .required("GET", platform.url("identity").resolve("/api/v1/identity/users/me"), null);
            customers.add(new Customer(
                    me.get("id").asString(),
                    email,
                    renewed(token, () -> JsonHttp.login(platform.url("identity"), email, PASSWORD))));
        }
        return customers;
    }

    /** Identity's access tokens live 10 minutes: a new one every 5. */
    private static Supplier<String> renewed(String first, Supplier<String> login) {
        String[] token = {first};
        Instant[] since = {Instant.now()};
        return () -> {
            synchronized (token) {
                if (Instant.now().isAfter(since[0].plus(Duration.ofMinutes(5)))) {
                    token[0] = login.get();
                    since[0] = Instant.now();
                }
                return token[0];
            }
        };
    }

    @Override
    public String operatorToken() {
        return JsonHttp.login(platform.url("identity"), CatalogSeeder.ADMIN_EMAIL, CatalogSeeder.ADMIN_PASSWORD);
    }

    /** Demo products under SKUs of their own, published through a catalog import. */
    @Override
    public List<String> productsOnSale(String label, int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> product = new LinkedHashMap<>(DemoCatalog.product(products++, true));
            String sku = ("CHAOS-" + run + "-" + label + "-" + i).toUpperCase(java.util.Locale.ROOT);
            product.put("sku", sku);
            product.put("slug", sku.toLowerCase(java.util.Locale.ROOT));
            product.put("variants", List.of());
            lines.add(product);
        }
        CatalogSeeder.Report report = new CatalogSeeder(
                        platform.url("identity"), platform.url("catalog"), ignored -> {})
                .importLines(lines.stream());
        if (report.rejected() > 0) {
            throw new IllegalStateException("the catalog refused the chaos products: " + report.rejections());
        }
        return lines.stream().map(line -> line.get("sku").toString()).toList();
    }

    @Override
    public List<Mail> mailsTo(String email) {
        URI messages =
                platform.url("mailbox").resolve("/api/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        List<Mail> mails = new ArrayList<>();
        new JsonHttp(null)
                .required("GET", messages, null)
                .forEach(mail -> mails.add(new Mail(
                        mail.get("subject").asString(), mail.get("messageId").asString())));
        return mails;
    }

    @Override
    public void kill(String service) {
        control.killService(service);
    }

    @Override
    public void restart(String service) {
        control.startService(service);
    }

    @Override
    public void stop(String engine) {
        control.stopEngine(engine);
    }

    @Override
    public void start(String engine) {
        control.startEngine(engine);
    }
}
