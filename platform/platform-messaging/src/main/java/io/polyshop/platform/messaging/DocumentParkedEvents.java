package io.polyshop.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Parked events of the document outbox, in the collection {@value #COLLECTION}: each with the
 * collection and id of the document it came from. Releasing one pushes it back onto that
 * document's outbox array (behind the document's younger events, if it has any) and tells the
 * relay. It also measures the document outbox's backlog, which means reading every collection.
 */
public class DocumentParkedEvents implements ParkedEvents {

    static final String COLLECTION = "polyshop_outbox_parked";

    private final MongoOperations mongo;
    private final Clock clock;
    private final BiConsumer<String, Object> released;

    /** @param released told the collection and id of a document whose outbox got a released event */
    public DocumentParkedEvents(MongoOperations mongo, Clock clock, BiConsumer<String, Object> released) {
        this.mongo = mongo;
        this.clock = clock;
        this.released = released;
    }

    /** Called by the relay before it pulls the event out of its document. */
    void park(String collection, Object documentId, Document event, String reason) {
        Document parked = new Document("_id", event.getString("id"))
                .append("collection", collection)
                .append("documentId", documentId)
                .append("event", event)
                .append("reason", reason)
                .append("parkedAt", Date.from(clock.instant()));
        mongo.findAndReplace(
                new Query(Criteria.where("_id").is(parked.get("_id"))),
                parked,
                FindAndReplaceOptions.options().upsert(),
                Document.class,
                COLLECTION);
    }

    @Override
    public List<Parked> list(int limit) {
        Query oldestFirst =
                new Query().with(Sort.by(Sort.Direction.ASC, "parkedAt")).limit(limit);
        return mongo.find(oldestFirst, Document.class, COLLECTION).stream()
                .map(parked -> {
                    Document event = parked.get("event", Document.class);
                    return new Parked(
                            parked.getString("_id"),
                            event.getString("topic"),
                            event.getString("key"),
                            event.getString("type"),
                            parked.getString("reason"),
                            parked.getDate("parkedAt").toInstant());
                })
                .toList();
    }

    @Override
    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    @Override
    public boolean release(String eventId) {
        Document parked = mongo.findById(eventId, Document.class, COLLECTION);
        if (parked == null) {
            return false;
        }
        String collection = parked.getString("collection");
        Object documentId = parked.get("documentId");
        boolean pushed = mongo.updateFirst(
                                new Query(Criteria.where("_id").is(documentId)),
                                new Update().push(DocumentOutbox.FIELD, parked.get("event", Document.class)),
                                collection)
                        .getMatchedCount()
                == 1;
        if (!pushed) {
            // The document is gone: the event stays parked, where the operator still sees it.
            return false;
        }
        mongo.remove(new Query(Criteria.where("_id").is(eventId)), COLLECTION);
        released.accept(collection, documentId);
        return true;
    }

    /** Pending events in every collection's documents, the oldest one's age, and the parked. */
    OutboxBacklog.Snapshot backlog() {
        Instant now = clock.instant();
        long pending = 0;
        Instant oldest = null;
        for (String collection : mongo.getCollectionNames()) {
            if (!DocumentOutboxRelay.holdsAggregates(collection)) {
                continue;
            }
            Query withPending =
                    new Query(Criteria.where(DocumentOutbox.FIELD + ".0").exists(true));
            withPending.fields().include(DocumentOutbox.FIELD + ".createdAt");
            for (Document document : mongo.find(withPending, Document.class, collection)) {
                for (Document event : document.getList(DocumentOutbox.FIELD, Document.class)) {
                    pending++;
                    Date created = event.getDate("createdAt");
                    if (created != null
                            && (oldest == null || created.toInstant().isBefore(oldest))) {
                        oldest = created.toInstant();
                    }
                }
            }
        }
        return new OutboxBacklog.Snapshot(
                pending,
                oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now),
                count());
    }
}
