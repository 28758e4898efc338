package io.polyshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.polyshop.platform.engines.LoopbackPorts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What ./polyshop up and down promise, run in-process on a scratch checkout with free ports. */
class DevstackIT {

    @TempDir
    Path root;

    private final Map<String, String> environment = new LinkedHashMap<>();

    @Test
    void stopsEveryServerAndFindsTheDataOfThePreviousRunWhenStartedAgain() throws Exception {
        givenAServiceOwningEveryKindOfStore();

        Devstack first = new Devstack(root, new PortSettings(environment));
        first.start();
        writeToEveryEngine();
        showsWhatTheShopSentInTheMailbox();
        stopsAndStartsAnEngineThroughItsControl();
        first.stop();

        assertThat(configuredPorts()).noneMatch(LoopbackPorts::isListening);
        assertThat(Files.readString(root.resolve(".polyshop/run/status.tsv"))).contains("devstack\tlauncher\tstopped");

        Devstack second = new Devstack(root, new PortSettings(environment));
        try {
            second.start();
            assertThatThrownBy(() -> DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + port("probe.postgres.port") + "/probe",
                            "probe",
                            "guessed"))
                    .as("a service's database takes only that service's password")
                    .hasMessageContaining("password authentication failed");
            assertThat(readFromEveryEngine())
                    .containsExactly(
                            "postgres: kept",
                            "redis: kept",
                            "mongodb: kept",
                            "dynamodb: kept",
                            "opensearch: kept",
                            "kafka: kept");
        } finally {
            second.stop();
        }
    }

    private void givenAServiceOwningEveryKindOfStore() throws Exception {
        Files.createDirectories(root.resolve("devstack/services"));
        Files.writeString(
                root.resolve("devstack/devstack.properties"),
                "kafka.port=1\nkafka.controller-port=1\nmail.smtp-port=1\nmail.web-port=1\ncontrol.port=1\n");
        Files.writeString(root.resolve("devstack/services/probe.properties"), """
                name=probe
                port=1
                jar=services/probe/target/probe.jar
                stores=postgres,redis,mongodb,dynamodb,opensearch
                postgres.port=1
                redis.port=1
                mongodb.port=1
                dynamodb.port=1
                opensearch.port=1
                opensearch.transport-port=1
                """);
        List<String> keys = List.of(
                "kafka.port",
                "kafka.controller-port",
                "mail.smtp-port",
                "mail.web-port",
                "control.port",
                "probe.port",
                "probe.postgres.port",
                "probe.redis.port",
                "probe.mongodb.port",
                "probe.dynamodb.port",
                "probe.opensearch.port",
                "probe.opensearch.transport-port");
        List<Integer> ports = LoopbackPorts.free(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            environment.put(PortSettings.variableFor(keys.get(i)), Integer.toString(ports.get(i)));
        }
    }

    private List<Integer> configuredPorts() {
        return environment.values().stream().map(Integer::parseInt).toList();
    }

    private int port(String key) {
        return Integer.parseInt(environment.get(PortSettings.variableFor(key)));
    }

    private void stopsAndStartsAnEngineThroughItsControl() throws Exception {
        String token =
                Files.readString(root.resolve(".polyshop/run/control.token")).strip();
        int postgres = port("probe.postgres.port");

        assertThat(control("/engines/probe-postgres/stop", "not-the-token")).isEqualTo(401);
        assertThat(control("/engines/no-such-engine/stop", token)).isEqualTo(404);
        assertThat(control("/engines/probe-postgres/stop", token)).isEqualTo(200);
        assertThat(LoopbackPorts.isListening(postgres)).isFalse();
        assertThat(control("/engines/probe-postgres/start", token)).isEqualTo(200);
        assertThat(LoopbackPorts.isListening(postgres)).isTrue();
    }

    private int control(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("control.port") + path))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void showsWhatTheShopSentInTheMailbox() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(port("mail.smtp-port")));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
        mail.setFrom("shop@polyshop.local");
        mail.setRecipients(Message.RecipientType.TO, "grace@example.test");
        mail.setSubject("Your order <b>42</b> is confirmed");
        mail.setText("<p>Thank you</p>", "UTF-8", "html");
        Transport.send(mail);

        HttpClient http = HttpClient.newHttpClient();
        String mailbox = "http://127.0.0.1:" + port("mail.web-port");
        HttpResponse<String> hook = http.send(
                HttpRequest.newBuilder(URI.create(mailbox + "/webhooks"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"hello\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).isEqualTo(202);
        String messages = get(http, mailbox + "/api/messages?to=grace%40example.test");
        assertThat(messages).contains("grace@example.test", "Your order <b>42</b> is confirmed");
        assertThat(get(http, mailbox + "/api/messages?to=nobody")).isEqualTo("[]");
        assertThat(get(http, mailbox + "/api/messages/count?to=example.test")).isEqualTo("{\"count\":1}");
        assertThat(get(http, mailbox + "/"))
                .contains("Your order &lt;b&gt;42&lt;/b&gt; is confirmed", "{&quot;subject&quot;:&quot;hello&quot;}")
                .doesNotContain("<b>42</b>");
        assertThat(get(http, mailbox + "/messages/1")).isEqualTo("<p>Thank you</p>");
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private void writeToEveryEngine() throws Exception {
        String password = Files.readString(root.resolve(".polyshop/secrets/probe-postgres.password"));
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port("probe.postgres.port") + "/probe", "probe", password);
                var statement = connection.createStatement()) {
            statement.execute("create table note (text text)");
            statement.execute("insert into note values ('kept')");
        }
        RedisClient redis = RedisClient.create("redis://127.0.0.1:" + port("probe.redis.port"));
        try (var connection = redis.connect()) {
            connection.sync().set("note", "kept");
        } finally {
            redis.shutdown();
        }
        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + port("probe.mongodb.port"))) {
            mongo.getDatabase("probe").getCollection("notes").insertOne(new Document("text", "kept"));
        }
        try (DynamoDbClient dynamo = dynamo()) {
            dynamo.createTable(table -> table.tableName("notes")
                    .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build()));
            dynamo.putItem(put -> put.tableName("notes")
                    .item(Map.of("id", AttributeValue.fromS("1"), "text", AttributeValue.fromS("kept"))));
        }
        openSearch("PUT", "/notes", "");
        openSearch("PUT", "/notes/_doc/1?refresh=true", "{\"text\":\"kept\"}");
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port("kafka.port"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("notes", "1", "kept")).get();
        }
    }

    private List<String> readFromEveryEngine() throws Exception {
        List<String> found = new ArrayList<>();
        String password = Files.readString(root.resolve(".polyshop/secrets/probe-postgres.password"));
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port("probe.postgres.port") + "/probe", "probe", password);
                var rows = connection.createStatement().executeQuery("select text from note")) {
            rows.next();
            found.add("postgres: " + rows.getString(1));
        }
        RedisClient redis = RedisClient.create("redis://127.0.0.1:" + port("probe.redis.port"));
        try (var connection = redis.connect()) {
            found.add("redis: " + connection.sync().get("note"));
        } finally {
            redis.shutdown();
        }
        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + port("probe.mongodb.port"))) {
            found.add("mongodb: "
                    + mongo.getDatabase("probe")
                            .getCollection("notes")
                            .find()
                            .first()
                            .getString("text"));
        }
        try (DynamoDbClient dynamo = dynamo()) {
            found.add("dynamodb: "
                    + dynamo.getItem(get -> get.tableName("notes").key(Map.of("id", AttributeValue.fromS("1"))))
                            .item()
                            .get("text")
                            .s());
        }
        String document = openSearch("GET", "/notes/_doc/1", null);
        found.add("opensearch: " + (document.contains("\"text\":\"kept\"") ? "kept" : document));
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port("kafka.port"),
                ConsumerConfig.GROUP_ID_CONFIG,
                "devstack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of("notes"));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    value = record.value();
                }
            }
            found.add("kafka: " + value);
        }
        return found;
    }

    private DynamoDbClient dynamo() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port("probe.dynamodb.port")))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private String openSearch(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port("probe.opensearch.port") + path))
                .method(method, publisher)
                .header("content-type", "application/json")
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode())
                    .as(method + " " + path + ": " + response.body())
                    .isBetween(200, 299);
            return response.body();
        }
    }
}
