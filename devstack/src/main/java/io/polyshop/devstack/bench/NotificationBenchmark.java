package io.polyshop.devstack.bench;

import io.polyshop.devstack.RunningPlatform;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./polyshop bench notification}: delivery throughput of the notification service, from the
 * event on Kafka to the SMTP server's acceptance. Bench customers sign up through identity (their
 * registrations give the service their addresses); then {@code order.confirmed} events for made-up
 * orders go onto {@code order.events}, all at once or {@code --rate} per second, and the run waits
 * until the mailbox holds an e-mail for each. It reports notifications/s and, from each notification's delivery log,
 * the latency from publishing the event to SMTP acceptance.
 */
public final class NotificationBenchmark {

    private static final String USAGE =
            "usage: ./polyshop bench notification [--notifications N] [--customers N] [--rate N] [--timeout-seconds N]";
    private static final String PASSWORD = "polyshop-bench-2026";
    private static final String ORDER_EVENTS = "order.events";
    private static final String ORDER_CONFIRMED = "polyshop.order.confirmed.v1";

    private NotificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE);
        int notifications = options.number("notifications", 3000);
        int customerCount = options.number("customers", 20);
        int rate = options.number("rate", 0);
        Duration timeout = Duration.ofSeconds(options.number("timeout-seconds", 600));

        Path root = Path.of(".").toAbsolutePath().normalize();
        RunningPlatform platform = RunningPlatform.read(root);
        URI identity = platform.url("identity");
        URI notification = platform.url("notification");
        URI mailbox = platform.url("mailbox");
        String kafka = platform.readyAddresses().get("kafka");
        String domain = "run-" + UUID.randomUUID().toString().substring(0, 8) + ".bench.polyshop.test";

        say("polyshop bench: signing up " + customerCount + " customers @" + domain);
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            String token = JsonHttp.signUp(identity, "notify-" + c + "@" + domain, PASSWORD, "Bench customer " + c);
            String id = new JsonHttp(token)
                    .required("GET", identity.resolve("/api/v1/identity/users/me"), null)
                    .get("id")
                    .asString();
            customers.add(new Customer(id, new JsonHttp(token)));
        }
        say("polyshop bench: waiting for their welcome e-mails (the service then knows their addresses)");
        awaitMail(mailbox, domain, customerCount, timeout);

        Map<String, Instant> published = new ConcurrentHashMap<>();
        Instant firstPublished;
        Instant lastPublished;
        say("polyshop bench: publishing " + notifications + " order.confirmed events");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            firstPublished = Instant.now();
            long started = System.nanoTime();
            for (int n = 0; n < notifications; n++) {
                if (rate > 0) {
                    long due = started + n * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                String orderId = UUID.randomUUID().toString();
                Customer customer = customers.get(n % customerCount);
                published.put(orderId, Instant.now());
                sends.add(producer.send(confirmed(orderId, customer.id())));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            lastPublished = Instant.now();
        }
        long expected = customerCount + (long) notifications;
        Instant allAccepted = awaitMail(mailbox, domain, expected, timeout);
        double seconds = Duration.between(firstPublished, allAccepted).toNanos() / 1e9;

        say("polyshop bench: reading the delivery logs");
        List<Long> latencies = new ArrayList<>();
        int retried = 0;
        for (Customer customer : customers) {
            for (JsonNode sent : customer.confirmations(notification)) {
                Instant publishedAt =
                        published.get(sent.get("values").get("orderId").asString());
                if (publishedAt == null) {
                    continue;
                }
                JsonNode email = email(sent);
                if (email.get("attempts").asInt() > 1) {
                    retried++;
                }
                for (JsonNode entry : email.get("log")) {
                    if (entry.get("status").asString().equals("SENT")) {
                        Instant accepted = Instant.parse(entry.get("at").asString());
                        latencies.add(Duration.between(publishedAt, accepted).toNanos());
                    }
                }
            }
        }

        BenchReport report = new BenchReport("notification", "Polyshop notification delivery benchmark");
        report.add(
                "%d order.confirmed events for %d customers published %s (in %.1f s) onto %s;"
                        + " e-mail (and webhook) per event; SMTP: the devstack's GreenMail",
                notifications,
                customerCount,
                rate > 0 ? "at " + rate + "/s" : "at once",
                Duration.between(firstPublished, lastPublished).toNanos() / 1e9,
                ORDER_EVENTS);
        report.add(
                "delivery throughput: %.1f notifications/s from the first event published to the last e-mail"
                        + " accepted by SMTP (%d e-mails in %.1f s)",
                notifications / seconds, notifications, seconds);
        report.add(
                "event published -> SMTP accepted: %s (%d delivery logs read)",
                Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray())
                        .summary(),
                latencies.size());
        report.add("deliveries that needed more than one attempt: %d", retried);
        report.write(root);
    }

    private static ProducerRecord<String, byte[]> confirmed(String orderId, String customerId) {
        ObjectNode data = JsonHttp.JSON.createObjectNode();
        data.put("orderId", orderId);
        data.put("customerId", customerId);
        ObjectNode line = data.putArray("lines").addObject();
        line.put("sku", "DEMO-LAP-0000000");
        line.put("quantity", 1);
        line.put("unitPrice", new BigDecimal("1299.00"));
        data.put("grandTotal", new BigDecimal("1299.00"));
        data.put("currency", "EUR");
        data.put("confirmedAt", Instant.now().toString());
        ObjectNode envelope = JsonHttp.JSON.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/polyshop/bench");
        envelope.put("type", ORDER_CONFIRMED);
        envelope.put("subject", orderId);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(ORDER_EVENTS, orderId, JsonHttp.JSON.writeValueAsBytes(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Polls the mailbox until it holds {@code count} e-mails to the run's domain; when they were all there. */
    private static Instant awaitMail(URI mailbox, String domain, long count, Duration timeout) throws Exception {
        JsonHttp http = new JsonHttp(null);
        URI counter = mailbox.resolve("/api/messages/count?to=" + domain);
        Instant deadline = Instant.now().plus(timeout);
        Instant lastReport = Instant.now();
        while (true) {
            long received = http.required("GET", counter, null).get("count").asLong();
            if (received >= count) {
                return Instant.now();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + received + " of " + count + " e-mails arrived within "
                        + timeout.toSeconds() + " s; see ./polyshop logs notification");
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 5) {
                say("polyshop bench: " + received + " of " + count + " e-mails accepted");
                lastReport = Instant.now();
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode email(JsonNode notification) {
        for (JsonNode delivery : notification.get("deliveries")) {
            if (delivery.get("channel").asString().equals("EMAIL")) {
                return delivery;
            }
        }
        throw new IllegalStateException("notification " + notification.get("id") + " has no e-mail delivery");
    }

    private record Customer(String id, JsonHttp http) {

        List<JsonNode> confirmations(URI notification) {
            List<JsonNode> found = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode mine =
                        http.required("GET", notification.resolve("/api/v1/notifications?size=100&page=" + page), null);
                for (JsonNode sent : mine.get("notifications")) {
                    if (sent.get("type").asString().equals("ORDER_CONFIRMED")) {
                        found.add(sent);
                    }
                }
                if (!mine.get("more").asBoolean()) {
                    return found;
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
