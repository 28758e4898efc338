package io.polyshop.platform.engines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server's in-memory backend). MongoDB
 * itself cannot run here; see docs/adr/0003. Point {@code POLYSHOP_TEST_MONGODB_URI} or a
 * service's MongoDB URI at a real MongoDB to use that instead.
 *
 * <p>With a snapshot directory the data outlives the process: collections and their indexes are
 * written there as canonical Extended JSON (types such as Decimal128 survive) when the engine
 * closes, and loaded back when it starts. While it runs, a snapshot is also written every interval
 * in which something changed, so a process that is killed loses at most that interval's writes.
 * Only the collections written to since the last snapshot are written again; the others are
 * hard links to the files already there. A new snapshot replaces the last one by renames only, so
 * a process killed while writing leaves the last complete snapshot to load.
 */
public final class MongoWireEngine implements Engine {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String INDEXES_SUFFIX = ".indexes.jsonl";
    private static final String DOCUMENTS_SUFFIX = ".jsonl";

    /** Long enough that a bulk import does not spend its time rewriting a growing snapshot. */
    public static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(MongoWireEngine.class.getName());

    private final MongoServer server;
    private final ChangeTrackingBackend backend;
    private final int port;
    private final Optional<Path> snapshotDirectory;
    private final ScheduledExecutorService snapshots;

    private MongoWireEngine(
            MongoServer server, ChangeTrackingBackend backend, int port, Optional<Path> snapshotDirectory) {
        this.server = server;
        this.backend = backend;
        this.port = port;
        this.snapshotDirectory = snapshotDirectory;
        this.snapshots = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mongodb-snapshots-" + port).factory());
    }

    /** A server whose data lives only as long as the process. */
    public static MongoWireEngine start(int port) {
        return start(port, Optional.empty(), SNAPSHOT_INTERVAL);
    }

    /** A server that loads {@code snapshotDirectory} on start and writes it back while it runs and on close. */
    public static MongoWireEngine start(int port, Path snapshotDirectory) {
        return start(port, snapshotDirectory, SNAPSHOT_INTERVAL);
    }

    /** As {@link #start(int, Path)}, writing a snapshot after every {@code interval} with changes. */
    public static MongoWireEngine start(int port, Path snapshotDirectory, Duration interval) {
        return start(port, Optional.of(snapshotDirectory), interval);
    }

    private static MongoWireEngine start(int port, Optional<Path> snapshotDirectory, Duration interval) {
        ChangeTrackingBackend backend = new ChangeTrackingBackend();
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(LoopbackPorts.HOST, port);
        } catch (RuntimeException e) {
            throw new EngineStartException(
                    "MongoDB-wire server did not start on port " + port + ": " + e.getMessage(), e);
        }
        MongoWireEngine engine = new MongoWireEngine(server, backend, port, snapshotDirectory);
        snapshotDirectory.ifPresent(directory -> {
            engine.load(directory);
            backend.takeChanges();
            engine.snapshots.scheduleWithFixedDelay(
                    () -> engine.saveIfChanged(directory),
                    interval.toMillis(),
                    interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
        return engine;
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        try {
            snapshots.shutdown();
            awaitRunningSnapshot();
            // The last snapshot is written whole, so a write the tracking missed still reaches the disk.
            snapshotDirectory.ifPresent(directory -> save(directory, Set.of(ChangeTrackingBackend.EVERYTHING)));
        } finally {
            server.shutdownNow();
        }
    }

    private void awaitRunningSnapshot() {
        try {
            snapshots.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void saveIfChanged(Path directory) {
        Set<String> changes = backend.takeChanges();
        if (changes.isEmpty()) {
            return;
        }
        try {
            save(directory, changes);
        } catch (RuntimeException e) {
            backend.noteChange(ChangeTrackingBackend.EVERYTHING);
            LOG.log(System.Logger.Level.WARNING, "MongoDB-wire snapshot failed; trying again in the next interval", e);
        }
    }

    private static Path previous(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".previous");
    }

    private void load(Path snapshot) {
        // Without the snapshot, a save was killed between its two renames: the one before it is whole.
        Path directory = Files.isDirectory(snapshot) ? snapshot : previous(snapshot);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (MongoClient client = MongoClients.create(address());
                Stream<Path> databases = Files.list(directory)) {
            for (Path databaseDirectory : databases.filter(Files::isDirectory).toList()) {
                MongoDatabase database =
                        client.getDatabase(databaseDirectory.getFileName().toString());
                try (Stream<Path> files = Files.list(databaseDirectory)) {
                    for (Path file : files.toList()) {
                        String fileName = file.getFileName().toString();
                        if (fileName.endsWith(INDEXES_SUFFIX)) {
                            restoreIndexes(database.getCollection(strip(fileName, INDEXES_SUFFIX)), file);
                        } else if (fileName.endsWith(DOCUMENTS_SUFFIX)) {
                            restoreDocuments(database.getCollection(strip(fileName, DOCUMENTS_SUFFIX)), file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the MongoDB-wire snapshot in " + directory, e);
        }
    }

    private static void restoreDocuments(MongoCollection<Document> collection, Path file) throws IOException {
        List<Document> batch = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                batch.add(Document.parse(line));
                if (batch.size() == 1_000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static void restoreIndexes(MongoCollection<Document> collection, Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Document index = Document.parse(line);
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            IndexOptions options = new IndexOptions()
                    .name(index.getString("name"))
                    .unique(index.getBoolean("unique", false))
                    .sparse(index.getBoolean("sparse", false));
            collection.createIndex(index.get("key", Document.class), options);
        }
    }

    /** Writes the collections named in {@code changes} (or all, see {@link ChangeTrackingBackend}) and links the rest. */
    private synchronized void save(Path directory, Set<String> changes) {
        try (MongoClient client = MongoClients.create(address())) {
            Path staging = Files.createDirectories(directory.resolveSibling(directory.getFileName() + ".saving"));
            clear(staging);
            for (String databaseName : client.listDatabaseNames()) {
                if (SYSTEM_DATABASES.contains(databaseName)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(databaseName);
                Path databaseDirectory = Files.createDirectories(staging.resolve(databaseName));
                for (String collectionName : database.listCollectionNames()) {
                    Path documents = databaseDirectory.resolve(collectionName + DOCUMENTS_SUFFIX);
                    Path indexes = databaseDirectory.resolve(collectionName + INDEXES_SUFFIX);
                    Path saved = directory.resolve(databaseName);
                    if (ChangeTrackingBackend.unchanged(changes, databaseName, collectionName)
                            && link(documents, saved.resolve(documents.getFileName()))
                            && link(indexes, saved.resolve(indexes.getFileName()))) {
                        continue;
                    }
                    Files.deleteIfExists(documents);
                    Files.deleteIfExists(indexes);
                    MongoCollection<Document> collection = database.getCollection(collectionName);
                    // Batches keep each reply under the wire protocol's 48 MB limit, whatever the collection's size.
                    write(documents, collection.find().batchSize(200));
                    write(indexes, collection.listIndexes());
                }
            }
            Path previous = previous(directory);
            // Without the snapshot, the one aside is the last whole copy: it stays until the new one is in.
            if (Files.exists(directory)) {
                clear(previous);
                Files.deleteIfExists(previous);
                Files.move(directory, previous);
            }
            Files.move(staging, directory);
            clear(previous);
            Files.deleteIfExists(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the MongoDB-wire snapshot to " + directory, e);
        }
    }

    /** Whether {@code link} now names the same file as {@code existing}; false when there is none to link. */
    private static boolean link(Path link, Path existing) {
        if (!Files.isRegularFile(existing)) {
            return false;
        }
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException cannotLink) {
            return false;
        }
    }

    private static void write(Path file, Iterable<Document> documents) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Document document : documents) {
                writer.write(document.toJson(CANONICAL));
                writer.newLine();
            }
        }
    }

    private static void clear(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String strip(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }

    /**
     * Notes which collections changed: any command but the known reads (an aggregation only when it
     * writes its result) changes the collection it names, or, when it names none, everything. Noted
     * after the command ran or failed, so a snapshot that began before it is followed by another.
     */
    private static final class ChangeTrackingBackend extends MemoryBackend {

        static final String EVERYTHING = "*";

        private static final Set<String> READS = Set.of(
                "find",
                "getmore",
                "count",
                "distinct",
                "listcollections",
                "listindexes",
                "listdatabases",
                "hello",
                "ismaster",
                "ping",
                "buildinfo",
                "killcursors",
                "endsessions",
                "dbstats",
                "collstats",
                "serverstatus",
                "getlasterror",
                "getparameter",
                "whatsmyuri",
                "connectionstatus",
                "explain",
                "gethostinfo",
                "hostinfo",
                "getcmdlineopts",
                "getfreemonitoringstatus",
                "currentop");

        // Guarded by this backend: a change is noted either before a snapshot takes the set or into the next one.
        private Set<String> changes = new HashSet<>();

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(
                Channel channel, String database, String command, de.bwaldvogel.mongo.bson.Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // Also when it failed: a write can fail part-way, after changing some documents.
                changed(database, command, query).ifPresent(this::noteChange);
            }
        }

        synchronized void noteChange(String change) {
            changes.add(change);
        }

        /** What changed since the last call: "database/collection", "database/*" or {@link #EVERYTHING}. */
        synchronized Set<String> takeChanges() {
            Set<String> taken = changes;
            changes = new HashSet<>();
            return taken;
        }

        static boolean unchanged(Set<String> changes, String database, String collection) {
            return !changes.contains(EVERYTHING)
                    && !changes.contains(database + "/*")
                    && !changes.contains(database + "/" + collection);
        }

        private static Optional<String> changed(
                String database, String command, de.bwaldvogel.mongo.bson.Document query) {
            String name = command.toLowerCase(java.util.Locale.ROOT);
            if (name.equals("aggregate")) {
                boolean writes = query.get("pipeline") instanceof List<?> stages
                        && stages.stream()
                                .anyMatch(stage -> stage instanceof de.bwaldvogel.mongo.bson.Document document
                                        && (document.containsKey("$out") || document.containsKey("$merge")));
                return writes ? Optional.of(database + "/*") : Optional.empty();
            }
            if (READS.contains(name)) {
                return Optional.empty();
            }
            return !SYSTEM_DATABASES.contains(database) && query.get(command) instanceof String collection
                    ? Optional.of(database + "/" + collection)
                    : Optional.of(EVERYTHING);
        }
    }
}
