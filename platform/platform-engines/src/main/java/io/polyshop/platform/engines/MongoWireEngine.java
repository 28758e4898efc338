package io.polyshop.platform.engines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server's in-memory backend). MongoDB
 * itself cannot run here; see docs/adr/0003. Point {@code POLYSHOP_TEST_MONGODB_URI} or a
 * service's MongoDB URI at a real MongoDB to use that instead.
 *
 * <p>With a data directory nothing it acknowledged is lost, even to {@code kill -9}: every change
 * is in a journal on disk before the command is answered ({@link MongoWireJournal}), and a start
 * loads the newest whole snapshot and replays the journals since ({@link MongoWireSnapshots}). A
 * snapshot is written when the journal has grown past {@value #JOURNAL_LIMIT_MB} MB, and when the
 * engine closes; it writes only the collections changed since the last one and links the others.
 */
public final class MongoWireEngine implements Engine {

    private static final long JOURNAL_LIMIT_MB = 64;
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(MongoWireEngine.class.getName());

    private final MongoServer server;
    private final JournaledBackend backend;
    private final int port;
    private final Optional<Storage> storage;
    private final ScheduledExecutorService snapshots;

    /** The engine's files and where they stand. Guarded by the engine. */
    private static final class Storage {
        final MongoWireSnapshots snapshots;
        final MongoWireJournal journal;
        Optional<MongoWireSnapshots.Snapshot> latest;

        Storage(MongoWireSnapshots snapshots, MongoWireJournal journal, Optional<MongoWireSnapshots.Snapshot> latest) {
            this.snapshots = snapshots;
            this.journal = journal;
            this.latest = latest;
        }
    }

    private MongoWireEngine(MongoServer server, JournaledBackend backend, int port, Optional<Storage> storage) {
        this.server = server;
        this.backend = backend;
        this.port = port;
        this.storage = storage;
        this.snapshots = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mongodb-snapshots-" + port).factory());
    }

    /** A server whose data lives only as long as the process. */
    public static MongoWireEngine start(int port) {
        return start(port, Optional.empty());
    }

    /** A server whose data lives in {@code dataDirectory}: loaded at start, journalled as it changes. */
    public static MongoWireEngine start(int port, Path dataDirectory) {
        return start(port, Optional.of(dataDirectory));
    }

    private static MongoWireEngine start(int port, Optional<Path> dataDirectory) {
        JournaledBackend backend = new JournaledBackend();
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(LoopbackPorts.HOST, port);
        } catch (RuntimeException e) {
            throw new EngineStartException(
                    "MongoDB-wire server did not start on port " + port + ": " + e.getMessage(), e);
        }
        try {
            Optional<Storage> storage = dataDirectory.map(directory -> recover(directory, backend, port));
            MongoWireEngine engine = new MongoWireEngine(server, backend, port, storage);
            storage.ifPresent(ignored -> engine.snapshots.scheduleWithFixedDelay(
                    engine::snapshotIfJournalIsLarge,
                    CHECK_INTERVAL.toMillis(),
                    CHECK_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS));
            return engine;
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new EngineStartException(
                    "MongoDB-wire data in " + dataDirectory.get() + " could not be loaded: " + e.getMessage(), e);
        }
    }

    private static Storage recover(Path directory, JournaledBackend backend, int port) {
        MongoWireSnapshots snapshots = new MongoWireSnapshots(directory);
        try (MongoClient client = MongoClients.create(address(port))) {
            MongoWireSnapshots.Recovered recovered = snapshots.recover(client);
            backend.changes().noteAll(recovered.changed());
            MongoWireJournal journal = new MongoWireJournal(directory, recovered.nextJournal());
            backend.journalTo(journal);
            return new Storage(snapshots, journal, recovered.base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return address(port);
    }

    private static String address(int port) {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        try {
            snapshots.shutdown();
            awaitRunningSnapshot();
            storage.ifPresent(files -> {
                if (backend.changes().any() || files.latest.isEmpty()) {
                    snapshot(files);
                }
                files.journal.close();
            });
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

    private void snapshotIfJournalIsLarge() {
        storage.ifPresent(files -> {
            if (files.journal.size() > JOURNAL_LIMIT_MB * 1024 * 1024) {
                snapshot(files);
            }
        });
    }

    /**
     * Starts a new journal, then writes a snapshot from that moment on: what the new journal gets
     * meanwhile may or may not be in the snapshot, and is replayed over it either way.
     */
    private synchronized void snapshot(Storage files) {
        long number = files.journal.rotate();
        Set<String> changes = backend.changes().take();
        try (MongoClient client = MongoClients.create(address())) {
            MongoWireSnapshots.Snapshot written = files.snapshots.write(number, client, changes, files.latest);
            files.snapshots.prune(written, files.latest);
            files.latest = Optional.of(written);
        } catch (IOException | RuntimeException e) {
            // Nothing is lost (the journals are kept); the next snapshot writes everything.
            backend.changes().note(MongoWireChanges.EVERYTHING);
            LOG.log(System.Logger.Level.WARNING, "MongoDB-wire snapshot failed; the journal keeps every change", e);
        }
    }
}
