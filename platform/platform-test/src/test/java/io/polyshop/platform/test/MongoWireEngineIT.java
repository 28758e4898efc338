package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.MongoWireEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class MongoWireEngineIT {

    @Test
    void storesAndQueriesNestedDocumentsThroughTheMongoDriver() {
        try (MongoClient client = MongoClients.create(TestEngines.mongoUri())) {
            MongoCollection<Document> products = client.getDatabase("engine_it").getCollection("products");
            products.insertOne(new Document("_id", "p-1")
                    .append("name", "Laptop")
                    .append("attributes", new Document("ramGb", 16).append("storageGb", 512)));
            products.insertOne(
                    new Document("_id", "p-2").append("name", "Shirt").append("attributes", new Document("size", "M")));

            List<Document> found =
                    products.find(Filters.gte("attributes.ramGb", 8)).into(new java.util.ArrayList<>());

            assertThat(found).extracting(document -> document.getString("name")).containsExactly("Laptop");
        }
    }

    @Test
    void answersHelloAsTheDriversHealthCheckAsksIt() {
        try (MongoClient client = MongoClients.create(TestEngines.mongoUri())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok")).isIn(1, 1.0);
        }
    }

    @Test
    void snapshotsCollectionsLargerThanOneWireMessage() throws Exception {
        Path snapshot = Files.createTempDirectory("mongo-large-snapshot-it");
        String filler = "x".repeat(40_000);
        try (MongoWireEngine first = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(first.address())) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
            for (int batch = 0; batch < 15; batch++) {
                List<Document> documents = new java.util.ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    documents.add(new Document("n", batch * 100 + i).append("description", filler));
                }
                products.insertMany(documents);
            }
        }

        try (MongoWireEngine second = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(second.address())) {
            assertThat(client.getDatabase("catalog").getCollection("products").countDocuments())
                    .isEqualTo(1_500);
        }
    }

    @Test
    void keepsDocumentsAndIndexesInItsSnapshotAcrossARestart() throws Exception {
        Path snapshot = Files.createTempDirectory("mongo-snapshot-it");
        try (MongoWireEngine first = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(first.address())) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
            products.createIndex(new Document("slug", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            products.insertOne(
                    new Document("slug", "laptop-x").append("price", new Decimal128(new BigDecimal("999.90"))));
        }

        try (MongoWireEngine second = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(second.address())) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");

            assertThat(products.find().first().get("price")).isEqualTo(new Decimal128(new BigDecimal("999.90")));
            assertThatThrownBy(() -> products.insertOne(new Document("slug", "laptop-x")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteThroughAKill() throws Exception {
        Path data = Files.createTempDirectory("mongo-kill-it");
        int port = LoopbackPorts.free();
        Process engine = startInItsOwnJvm(port, data);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
            products.createIndex(new Document("sku", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                products.insertOne(new Document("_id", "p-" + i)
                        .append("sku", "SKU-" + i)
                        .append("version", 1L)
                        .append("price", new Decimal128(new BigDecimal(i + ".90"))));
            }
            for (int i = 0; i < 50; i++) {
                products.updateOne(Filters.eq("_id", "p-" + i), new Document("$inc", new Document("version", 1L)));
            }
            products.deleteMany(Filters.in("_id", List.of("p-190", "p-191", "p-192")));
        } finally {
            // What kill -9 does: no shutdown hook, no snapshot, nothing flushed by the engine.
            engine.destroyForcibly().waitFor();
        }

        try (MongoWireEngine restarted = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(restarted.address())) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");

            assertThat(products.countDocuments()).isEqualTo(197);
            assertThat(products.find(Filters.eq("_id", "p-7")).first().getLong("version"))
                    .as("versions never go backwards")
                    .isEqualTo(2L);
            assertThat(products.find(Filters.eq("_id", "p-7")).first().get("price"))
                    .isEqualTo(new Decimal128(new BigDecimal("7.90")));
            assertThatThrownBy(() -> products.insertOne(new Document("sku", "SKU-1")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
        }
    }

    @Test
    void startsFromTheSnapshotBeforeWhenTheNewestIsTornAndLosesNothing() throws Exception {
        Path data = Files.createTempDirectory("mongo-torn-snapshot-it");
        for (String session : List.of("first", "second")) {
            try (MongoWireEngine engine = MongoWireEngine.start(LoopbackPorts.free(), data);
                    MongoClient client = MongoClients.create(engine.address())) {
                client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", session));
            }
        }
        Path newest = newestSnapshot(data);
        Path products = newest.resolve("catalog/products.jsonl");
        Files.writeString(products, Files.readString(products).substring(0, 5));

        try (MongoWireEngine restarted = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(restarted.address())) {
            assertThat(client.getDatabase("catalog").getCollection("products").find())
                    .extracting(document -> document.getString("_id"))
                    .containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void loadsDataKeptInTheLayoutBeforeJournalsAndMovesItToSnapshots() throws Exception {
        Path data = Files.createTempDirectory("mongo-earlier-layout-it");
        Files.createDirectories(data.resolve("catalog"));
        Files.writeString(data.resolve("catalog/products.jsonl"), "{\"_id\": \"kept\", \"version\": 3}\n");

        try (MongoWireEngine engine = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(engine.address())) {
            assertThat(client.getDatabase("catalog")
                            .getCollection("products")
                            .find()
                            .first()
                            .getInteger("version"))
                    .isEqualTo(3);
        }

        assertThat(data.resolve("catalog")).doesNotExist();
        try (MongoWireEngine engine = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(engine.address())) {
            assertThat(client.getDatabase("catalog").getCollection("products").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void linksACollectionNobodyWroteToIntoTheNextSnapshotInsteadOfWritingItAgain() throws Exception {
        Path data = Files.createTempDirectory("mongo-linked-snapshot-it");
        try (MongoWireEngine engine = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(engine.address())) {
            client.getDatabase("catalog").getCollection("brands").insertOne(new Document("_id", "acme"));
            client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "first"));
        }
        Path firstSnapshot = newestSnapshot(data);
        try (MongoWireEngine engine = MongoWireEngine.start(LoopbackPorts.free(), data);
                MongoClient client = MongoClients.create(engine.address())) {
            client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "second"));
        }
        Path secondSnapshot = newestSnapshot(data);

        assertThat(secondSnapshot).isNotEqualTo(firstSnapshot);
        assertThat(fileKey(secondSnapshot.resolve("catalog/brands.jsonl")))
                .isEqualTo(fileKey(firstSnapshot.resolve("catalog/brands.jsonl")));
        assertThat(fileKey(secondSnapshot.resolve("catalog/products.jsonl")))
                .isNotEqualTo(fileKey(firstSnapshot.resolve("catalog/products.jsonl")));
    }

    private static Path newestSnapshot(Path data) throws java.io.IOException {
        try (var entries = Files.list(data)) {
            return entries.filter(path -> path.getFileName().toString().matches("snapshot-\\d+"))
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow();
        }
    }

    private static Process startInItsOwnJvm(int port, Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoWireEngineProcess.class.getName(),
                        Integer.toString(port),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("ready")) {
                Thread.ofPlatform().daemon().start(() -> output.lines().forEach(ignored -> {}));
                return process;
            }
        }
        throw new IllegalStateException("the engine's JVM ended before it was ready");
    }

    private static Object fileKey(Path file) throws java.io.IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
