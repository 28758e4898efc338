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
import java.time.Duration;
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
    void loadsTheLastWholeSnapshotWhenASaveWasKilledBetweenItsRenames() throws Exception {
        Path parent = Files.createTempDirectory("mongo-killed-save-it");
        Path snapshot = parent.resolve("catalog-mongodb");
        try (MongoWireEngine first = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(first.address())) {
            client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "kept"));
        }
        // What a kill leaves after the last snapshot was moved aside and before the new one was moved in.
        Files.move(snapshot, parent.resolve("catalog-mongodb.previous"));
        Path halfWritten = Files.createDirectories(parent.resolve("catalog-mongodb.saving/catalog"));
        Files.writeString(halfWritten.resolve("products.jsonl"), "{\"_id\": ");

        try (MongoWireEngine second = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(second.address())) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
            assertThat(products.find().first()).isEqualTo(new Document("_id", "kept"));
            products.insertOne(new Document("_id", "added"));
        }

        assertThat(parent.resolve("catalog-mongodb.previous")).doesNotExist();
        try (MongoWireEngine third = MongoWireEngine.start(LoopbackPorts.free(), snapshot);
                MongoClient client = MongoClients.create(third.address())) {
            assertThat(client.getDatabase("catalog").getCollection("products").countDocuments())
                    .isEqualTo(2);
        }
    }

    @Test
    void writesASnapshotWhileRunningSoThatAKillLosesOnlyTheLastInterval() throws Exception {
        Path parent = Files.createTempDirectory("mongo-periodic-snapshot-it");
        Path snapshot = parent.resolve("catalog-mongodb");
        Path products = snapshot.resolve("catalog/products.jsonl");
        Path brands = snapshot.resolve("catalog/brands.jsonl");
        try (MongoWireEngine running = MongoWireEngine.start(LoopbackPorts.free(), snapshot, Duration.ofMillis(200));
                MongoClient client = MongoClients.create(running.address())) {
            client.getDatabase("catalog").getCollection("brands").insertOne(new Document("_id", "acme"));
            client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "written"));
            awaitLines(products, 1);
            // A save noted by the insert's last step may still follow; let it land.
            Thread.sleep(600);

            Object savedFile = fileKey(products);
            Object savedBrands = fileKey(brands);
            for (int read = 0; read < 5; read++) {
                client.getDatabase("catalog").getCollection("products").countDocuments();
                Thread.sleep(200);
            }
            assertThat(fileKey(products))
                    .as("only reads since the last snapshot: no new one")
                    .isEqualTo(savedFile);

            // What a kill -9 leaves behind: the files as they are now, the engine never closed.
            Path killed = parent.resolve("killed");
            copy(snapshot, killed);
            try (MongoWireEngine restarted = MongoWireEngine.start(LoopbackPorts.free(), killed);
                    MongoClient restartedClient = MongoClients.create(restarted.address())) {
                assertThat(restartedClient
                                .getDatabase("catalog")
                                .getCollection("products")
                                .find()
                                .first())
                        .isEqualTo(new Document("_id", "written"));
            }

            client.getDatabase("catalog").getCollection("products").deleteOne(new Document("_id", "written"));
            awaitLines(products, 0);
            assertThat(fileKey(brands))
                    .as("a collection nobody wrote to is linked into the next snapshot, not written again")
                    .isEqualTo(savedBrands);
            assertThat(countLines(brands)).isEqualTo(1);
        }
    }

    private static Object fileKey(Path file) throws java.io.IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static void awaitLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(Files.exists(file) && countLines(file) == lines)) {
            assertThat(System.nanoTime())
                    .as("snapshot of " + file + " with " + lines + " line(s)")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long countLines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (java.io.IOException | java.io.UncheckedIOException vanishedDuringASwap) {
            return -1;
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
