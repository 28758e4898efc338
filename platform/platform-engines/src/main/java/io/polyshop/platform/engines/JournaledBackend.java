package io.polyshop.platform.engines;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's in-memory backend, with every change of a document written to the
 * {@link MongoWireJournal} as it happens (under the collection's lock, so a document's entries are
 * in the order its changes were made), and commands that change more than documents (drops,
 * indexes, renames) written once they succeeded. A command is answered only after the journal is
 * on disk. Without a journal (while a start replays the last one) nothing is written.
 */
final class JournaledBackend extends MemoryBackend {

    /** Commands whose effect is not a change of documents, replayed as they were given. */
    private static final Set<String> STRUCTURAL = Set.of(
            "drop", "dropdatabase", "create", "createindexes", "dropindexes", "deleteindexes", "renamecollection");
    /** Parts of a command that belong to the session that sent it, not to its effect. */
    private static final Set<String> SESSION_FIELDS =
            Set.of("lsid", "txnNumber", "autocommit", "startTransaction", "writeConcern", "readConcern", "apiVersion");

    private final MongoWireChanges changes = new MongoWireChanges();
    private volatile MongoWireJournal journal;

    void journalTo(MongoWireJournal journal) {
        this.journal = journal;
    }

    MongoWireChanges changes() {
        return changes;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new JournaledDatabase(databaseName, getCursorRegistry(), this);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            // MongoDB 5's name for isMaster, which the driver's health check (readiness) sends.
            return super.handleCommand(channel, database, "isMaster", query);
        }
        MongoWireJournal current = journal;
        try {
            Document answer = super.handleCommand(channel, database, command, query);
            String name = command.toLowerCase(Locale.ROOT);
            if (current != null && STRUCTURAL.contains(name)) {
                Document effect = new Document();
                query.forEach((key, value) -> {
                    if (!key.startsWith("$") && !SESSION_FIELDS.contains(key)) {
                        effect.put(key, value);
                    }
                });
                current.command(database, effect);
                changes.note(MongoWireChanges.EVERYTHING);
            }
            return answer;
        } finally {
            // Also when it failed: a write can fail part-way, after changing some documents.
            if (current != null && current.hasUnforced()) {
                current.forceAll();
            }
        }
    }

    void put(String database, String collection, Document document) {
        MongoWireJournal current = journal;
        if (current != null) {
            current.put(database, collection, document);
            changes.note(database + "/" + collection);
        }
    }

    void delete(String database, String collection, Object id) {
        MongoWireJournal current = journal;
        if (current != null) {
            current.delete(database, collection, id);
            changes.note(database + "/" + collection);
        }
    }

    private static final class JournaledDatabase extends MemoryDatabase {

        private final CursorRegistry cursors;
        private final JournaledBackend backend;

        JournaledDatabase(String name, CursorRegistry cursors, JournaledBackend backend) {
            super(name, cursors);
            this.cursors = cursors;
            this.backend = backend;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            if (collectionName.startsWith("system.")) {
                // The database's own records (its index definitions): rebuilt by the index commands.
                return super.openOrCreateCollection(collectionName, options);
            }
            return new JournaledCollection(this, collectionName, options, cursors, backend);
        }
    }

    private static final class JournaledCollection extends MemoryCollection {

        private final JournaledBackend backend;

        JournaledCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                CursorRegistry cursors,
                JournaledBackend backend) {
            super(database, name, options, cursors);
            this.backend = backend;
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            backend.put(getDatabaseName(), getCollectionName(), document);
            return position;
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            backend.put(getDatabaseName(), getCollectionName(), getDocument(position));
        }

        @Override
        protected void removeDocument(Integer position) {
            Object id = getDocument(position).get("_id");
            super.removeDocument(position);
            backend.delete(getDatabaseName(), getCollectionName(), id);
        }
    }
}
