package io.polyshop.platform.engines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The MongoDB-wire engine's files: numbered snapshots and the journals written since each began.
 *
 * <pre>
 *   snapshot-000000000007/       every collection and its indexes as canonical Extended JSON,
 *     MANIFEST                   and the SHA-256 of each file, written (and forced) last
 *   journal-000000000007.log     changes from the moment snapshot 7 began
 *   journal-000000000008.log     ...
 * </pre>
 *
 * A snapshot is read while writes go on, so it may already hold some changes of its journal;
 * replaying a journal entry over them gives the same state. At start the newest snapshot whose
 * files match its manifest is loaded (a torn or half-written one is passed over for the one
 * before it, which is kept for that), then every journal from its number on is replayed. Unique
 * indexes are built after the replay, when the documents agree with them again.
 */
final class MongoWireSnapshots {

    static final String MANIFEST = "MANIFEST";
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String INDEXES_SUFFIX = ".indexes.jsonl";
    private static final String DOCUMENTS_SUFFIX = ".jsonl";
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{12})");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{12})\\.log");
    private static final Set<String> INDEX_COMMANDS = Set.of("createindexes", "dropindexes", "deleteindexes");
    private static final System.Logger LOG = System.getLogger(MongoWireSnapshots.class.getName());

    private final Path directory;

    MongoWireSnapshots(Path directory) {
        this.directory = directory;
    }

    /** A whole snapshot on disk, and the checksums its manifest gives its files. */
    record Snapshot(long number, Path path, Map<String, String> checksums) {}

    /** What a start found: the journal to continue with, and the collections that differ from the snapshot. */
    record Recovered(long nextJournal, Set<String> changed, Optional<Snapshot> base) {}

    /**
     * Loads the newest whole snapshot into the engine behind {@code client} and replays the
     * journals written since it began. Snapshots of the layout before journals (database
     * directories straight in the directory) load as the oldest snapshot.
     */
    Recovered recover(MongoClient client) throws IOException {
        Files.createDirectories(directory);
        Optional<Snapshot> base = newestWhole();
        Set<String> changed = new java.util.HashSet<>();
        List<Document> indexes = new ArrayList<>();
        if (base.isPresent()) {
            loadDocuments(client, base.get().path(), indexes);
        } else if (hasEarlierLayout(directory)) {
            loadDocuments(client, directory, indexes);
            changed.add(MongoWireChanges.EVERYTHING);
        } else if (hasEarlierLayout(previousOfEarlierLayout())) {
            loadDocuments(client, previousOfEarlierLayout(), indexes);
            changed.add(MongoWireChanges.EVERYTHING);
        }
        long from = base.map(Snapshot::number).orElse(0L);
        List<Document> indexCommands = new ArrayList<>();
        long lastJournal = from;
        for (long journal : journals()) {
            if (journal < from) {
                continue;
            }
            lastJournal = Math.max(lastJournal, journal);
            MongoWireJournal.read(
                    MongoWireJournal.file(directory, journal), entry -> replay(client, entry, changed, indexCommands));
        }
        for (Document index : indexes) {
            restoreIndex(client, index);
        }
        for (Document command : indexCommands) {
            runQuietly(client, command.getString("$db"), withoutDatabase(command));
        }
        return new Recovered(lastJournal + 1, changed, base);
    }

    private void replay(MongoClient client, RawBsonDocument entry, Set<String> changed, List<Document> indexCommands) {
        String database = entry.getString("d").getValue();
        switch (entry.getString("o").getValue()) {
            case "put" -> {
                String collection = entry.getString("c").getValue();
                BsonDocument document = entry.getDocument("doc");
                client.getDatabase(database)
                        .getCollection(collection, BsonDocument.class)
                        .replaceOne(
                                new BsonDocument("_id", document.get("_id")),
                                document,
                                new ReplaceOptions().upsert(true));
                changed.add(database + "/" + collection);
            }
            case "del" -> {
                String collection = entry.getString("c").getValue();
                client.getDatabase(database)
                        .getCollection(collection, BsonDocument.class)
                        .deleteOne(new BsonDocument("_id", entry.get("id")));
                changed.add(database + "/" + collection);
            }
            case "cmd" -> {
                Document command = Document.parse(entry.getDocument("cmd").toJson());
                String name = command.keySet().iterator().next().toLowerCase(java.util.Locale.ROOT);
                if (INDEX_COMMANDS.contains(name)) {
                    indexCommands.add(command.append("$db", database));
                } else {
                    runQuietly(client, database, command);
                }
                changed.add(MongoWireChanges.EVERYTHING);
            }
            default -> LOG.log(System.Logger.Level.WARNING, "skipping an unknown journal entry: {0}", entry);
        }
    }

    private static Document withoutDatabase(Document command) {
        Document copy = new Document(command);
        copy.remove("$db");
        return copy;
    }

    private static void runQuietly(MongoClient client, String database, Document command) {
        try {
            client.getDatabase(database).runCommand(command);
        } catch (RuntimeException e) {
            // Replayed over a snapshot that already shows its effect (a collection dropped twice, say).
            LOG.log(System.Logger.Level.DEBUG, "replaying {0} on {1}: {2}", command, database, e.getMessage());
        }
    }

    private void loadDocuments(MongoClient client, Path snapshot, List<Document> indexes) throws IOException {
        try (Stream<Path> databases = Files.list(snapshot)) {
            for (Path databaseDirectory : databases.filter(Files::isDirectory).toList()) {
                String databaseName = databaseDirectory.getFileName().toString();
                if (SNAPSHOT.matcher(databaseName).matches() || databaseName.endsWith(".tmp")) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(databaseName);
                try (Stream<Path> files = Files.list(databaseDirectory)) {
                    for (Path file : files.toList()) {
                        String fileName = file.getFileName().toString();
                        if (fileName.endsWith(INDEXES_SUFFIX)) {
                            String collection = strip(fileName, INDEXES_SUFFIX);
                            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                                indexes.add(Document.parse(line)
                                        .append("$db", databaseName)
                                        .append("$collection", collection));
                            }
                        } else if (fileName.endsWith(DOCUMENTS_SUFFIX)) {
                            restoreDocuments(database.getCollection(strip(fileName, DOCUMENTS_SUFFIX)), file);
                        }
                    }
                }
            }
        }
    }

    private static void restoreDocuments(MongoCollection<Document> collection, Path file) throws IOException {
        List<Document> batch = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
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

    private static void restoreIndex(MongoClient client, Document index) {
        if ("_id_".equals(index.getString("name"))) {
            return;
        }
        IndexOptions options = new IndexOptions()
                .name(index.getString("name"))
                .unique(index.getBoolean("unique", false))
                .sparse(index.getBoolean("sparse", false));
        try {
            client.getDatabase(index.getString("$db"))
                    .getCollection(index.getString("$collection"))
                    .createIndex(index.get("key", Document.class), options);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "index {0} of {1} could not be rebuilt: {2}",
                    index.getString("name"),
                    index.getString("$collection"),
                    e.getMessage());
        }
    }

    /**
     * Writes snapshot {@code number}: the collections named in {@code changes} are read through
     * {@code client}, the others are hard links to the files of {@code previous}. Every file and
     * then the manifest are forced to disk before the snapshot is renamed into place.
     */
    Snapshot write(long number, MongoClient client, Set<String> changes, Optional<Snapshot> previous)
            throws IOException {
        Path target = directory.resolve(String.format("snapshot-%012d", number));
        Path staging = directory.resolve(target.getFileName() + ".tmp");
        deleteTree(staging);
        Files.createDirectories(staging);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String databaseName : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(databaseName)) {
                continue;
            }
            MongoDatabase database = client.getDatabase(databaseName);
            Path databaseDirectory = Files.createDirectories(staging.resolve(databaseName));
            for (String collectionName : database.listCollectionNames()) {
                for (String suffix : List.of(DOCUMENTS_SUFFIX, INDEXES_SUFFIX)) {
                    String relative = databaseName + "/" + collectionName + suffix;
                    Path file = databaseDirectory.resolve(collectionName + suffix);
                    if (MongoWireChanges.unchanged(changes, databaseName, collectionName)
                            && previous.isPresent()
                            && previous.get().checksums().containsKey(relative)
                            && link(file, previous.get().path().resolve(relative))) {
                        checksums.put(relative, previous.get().checksums().get(relative));
                        continue;
                    }
                    MongoCollection<Document> collection = database.getCollection(collectionName);
                    // Batches keep each reply under the wire protocol's 48 MB limit, whatever the collection's size.
                    checksums.put(
                            relative,
                            write(
                                    file,
                                    suffix.equals(DOCUMENTS_SUFFIX)
                                            ? collection.find().batchSize(200)
                                            : collection.listIndexes()));
                }
            }
            forceDirectory(databaseDirectory);
        }
        StringBuilder manifest = new StringBuilder();
        checksums.forEach(
                (file, sum) -> manifest.append(sum).append("  ").append(file).append('\n'));
        Path manifestFile = staging.resolve(MANIFEST);
        Files.writeString(manifestFile, manifest, StandardCharsets.UTF_8);
        force(manifestFile);
        forceDirectory(staging);
        Files.move(staging, target);
        forceDirectory(directory);
        return new Snapshot(number, target, checksums);
    }

    /** Keeps {@code kept} and the snapshot before it (with the journals it needs); deletes older ones. */
    void prune(Snapshot kept, Optional<Snapshot> before) throws IOException {
        long oldestNeeded = before.map(Snapshot::number).orElse(kept.number());
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Matcher snapshot = SNAPSHOT.matcher(name);
                Matcher journal = JOURNAL.matcher(name);
                boolean stale = (snapshot.matches() && Long.parseLong(snapshot.group(1)) < oldestNeeded)
                        || (journal.matches() && Long.parseLong(journal.group(1)) < oldestNeeded)
                        || name.endsWith(".tmp")
                        || (Files.isDirectory(entry) && !snapshot.matches());
                if (stale) {
                    deleteTree(entry);
                }
            }
        }
        for (Path earlier :
                List.of(previousOfEarlierLayout(), directory.resolveSibling(directory.getFileName() + ".saving"))) {
            deleteTree(earlier);
        }
    }

    /** The newest snapshot whose files are all there and match its manifest. */
    Optional<Snapshot> newestWhole() throws IOException {
        List<Long> numbers = numbered(SNAPSHOT);
        for (int i = numbers.size() - 1; i >= 0; i--) {
            Path path = directory.resolve(String.format("snapshot-%012d", numbers.get(i)));
            Optional<Map<String, String>> checksums = verified(path);
            if (checksums.isPresent()) {
                return Optional.of(new Snapshot(numbers.get(i), path, checksums.get()));
            }
            LOG.log(System.Logger.Level.WARNING, "{0} is not whole; starting from the snapshot before it", path);
        }
        return Optional.empty();
    }

    private List<Long> journals() throws IOException {
        return numbered(JOURNAL);
    }

    private List<Long> numbered(Pattern pattern) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> pattern.matcher(entry.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Long.parseLong(match.group(1)))
                    .sorted()
                    .toList();
        }
    }

    private static Optional<Map<String, String>> verified(Path snapshot) throws IOException {
        Path manifest = snapshot.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int separator = line.indexOf("  ");
            if (separator < 0) {
                return Optional.empty();
            }
            String file = line.substring(separator + 2);
            Path path = snapshot.resolve(file);
            if (!Files.isRegularFile(path) || !sha256(path).equals(line.substring(0, separator))) {
                return Optional.empty();
            }
            checksums.put(file, line.substring(0, separator));
        }
        return Optional.of(checksums);
    }

    private static boolean hasEarlierLayout(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.walk(directory, 2)) {
            return entries.anyMatch(path -> path.getFileName().toString().endsWith(DOCUMENTS_SUFFIX)
                    && !SNAPSHOT.matcher(path.getParent().getFileName().toString())
                            .matches()
                    && path.getParent().getParent().equals(directory));
        }
    }

    private Path previousOfEarlierLayout() {
        return directory.resolveSibling(directory.getFileName() + ".previous");
    }

    private static String write(Path file, Iterable<Document> documents) throws IOException {
        MessageDigest sha256 = sha256();
        try (OutputStream out = Files.newOutputStream(file);
                DigestOutputStream digested = new DigestOutputStream(out, sha256);
                Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(digested, StandardCharsets.UTF_8))) {
            for (Document document : documents) {
                writer.write(document.toJson(CANONICAL));
                writer.write('\n');
            }
        }
        force(file);
        return HexFormat.of().formatHex(sha256.digest());
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

    private static String sha256(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes the entries of {@code directory} (new files, renames) survive a crash of the machine. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory + " to disk", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static String strip(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }
}
