package io.polyshop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the events waiting in documents' {@value DocumentOutbox#FIELD} arrays, keyed by
 * aggregate id and in the order they were pushed.
 *
 * <p>A write on this instance names its document ({@link #wakeUp(String, Object)}), and the next
 * round reads just those documents by id. Every {@code document-sweep} (and at start, after a
 * failed round and on taking over the lease) a round looks through every collection of the
 * service's database instead, for what other instances wrote or a crash left behind: without a
 * partial index that reads every document, so it is kept out of the path of each write.
 *
 * <p>A round sends all the events of its documents (each document's in array order, on the
 * idempotent producer that keeps a key's order), waits for Kafka's acknowledgements and pulls the
 * acknowledged events out by id, in one update that leaves events pushed meanwhile in place; what
 * Kafka acknowledged is never sent again. An event Kafka refuses for what it is (too large, an
 * invalid topic) is parked ({@link DocumentParkedEvents}) and pulled too, so it never blocks its
 * document; one that failed for a reason that may pass stays for the next round. One instance
 * relays at a time: it holds a lease document that it renews every round and that others may take
 * once it expired.
 */
public class DocumentOutboxRelay extends RelayLoop {

    static final String LEASE_COLLECTION = "polyshop_outbox_lease";
    private static final Duration LEASE = Duration.ofSeconds(15);

    private final MongoOperations mongo;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final DocumentParkedEvents parked;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Set<Object>> written = new ConcurrentHashMap<>();
    private boolean leaseHeld;
    private long nextSweep;

    public DocumentOutboxRelay(
            MongoOperations mongo,
            KafkaOperations<String, Object> kafka,
            MessagingProperties.Relay settings,
            Clock clock) {
        super("document-outbox-relay", settings);
        this.mongo = mongo;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
        this.parked = new DocumentParkedEvents(mongo, clock, this::wakeUp);
    }

    /** Where this relay parks the events Kafka refuses for good. */
    public DocumentParkedEvents parkedEvents() {
        return parked;
    }

    /** Called after a write that pushed events onto document {@code id} of {@code collection}. */
    public void wakeUp(String collection, Object id) {
        written.computeIfAbsent(collection, ignored -> ConcurrentHashMap.newKeySet())
                .add(id);
        wakeUp();
    }

    @Override
    protected Round relayOnce() {
        boolean held = holdLease();
        if (held && !leaseHeld) {
            nextSweep = 0;
        }
        leaseHeld = held;
        if (!held) {
            // The holder's sweep publishes what was written here.
            written.clear();
            return new Round(0, null);
        }
        long now = clock.millis();
        if (now >= nextSweep) {
            written.clear();
            Round round = sweep();
            // A full or failed sweep is not done yet: the next round sweeps again.
            boolean finished = round.failure() == null && round.published() < settings.batchSize();
            nextSweep = finished ? now + settings.documentSweep().toMillis() : 0;
            return round;
        }
        int published = 0;
        int taken = 0;
        for (Map.Entry<String, Set<Object>> collection : written.entrySet()) {
            List<Object> batch = new ArrayList<>();
            for (Object id : collection.getValue()) {
                if (taken == settings.batchSize()) {
                    break;
                }
                if (collection.getValue().remove(id)) {
                    batch.add(id);
                    taken++;
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            Query byId = new Query(Criteria.where("_id").in(batch));
            byId.fields().include("_id", DocumentOutbox.FIELD);
            Round round = publish(collection.getKey(), mongo.find(byId, Document.class, collection.getKey()));
            published += round.published();
            if (round.failure() != null) {
                nextSweep = 0;
                return new Round(published, round.failure());
            }
        }
        if (written.values().stream().anyMatch(ids -> !ids.isEmpty())) {
            // More documents were named than a round takes: the next round starts at once.
            wakeUp();
        }
        return new Round(published, null);
    }

    /** Up to a batch of pending events from every collection. */
    private Round sweep() {
        int published = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (!holdsAggregates(collection)) {
                continue;
            }
            Query withPending = new Query(
                            Criteria.where(DocumentOutbox.FIELD + ".0").exists(true))
                    .limit(settings.batchSize() - published);
            withPending.fields().include("_id", DocumentOutbox.FIELD);
            Round round = publish(collection, mongo.find(withPending, Document.class, collection));
            published += round.published();
            if (round.failure() != null || published >= settings.batchSize()) {
                return new Round(published, round.failure());
            }
        }
        return new Round(published, null);
    }

    private Round publish(String collection, List<Document> documents) {
        List<Pending> batch = new ArrayList<>();
        for (Document document : documents) {
            for (Document event : pendingIn(document)) {
                batch.add(new Pending(document.get("_id"), event));
            }
        }
        OutboxSends.Round round = OutboxSends.send(kafka, batch, pending -> toRecord(pending.event()));
        List<Object> done = new ArrayList<>();
        Set<Object> touched = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            switch (round.outcomes().get(i)) {
                case OutboxSends.Acknowledged ignored ->
                    done.add(pending.event().get("id"));
                case OutboxSends.Refused refused -> {
                    parked.park(collection, pending.documentId(), pending.event(), refused.reason());
                    done.add(pending.event().get("id"));
                }
                default -> {
                    continue;
                }
            }
            touched.add(pending.documentId());
        }
        if (!done.isEmpty()) {
            // Pulls only these ids: events pushed meanwhile, and those that may still go through, stay.
            mongo.updateMulti(
                    new Query(Criteria.where("_id").in(touched)),
                    new Update().pull(DocumentOutbox.FIELD, new Document("id", new Document("$in", done))),
                    collection);
        }
        return new Round(round.handled(), round.firstFailure());
    }

    /** An event waiting in its document. */
    private record Pending(Object documentId, Document event) {}

    /** Whether {@code collection} can hold the service's aggregates, rather than the relay's own records. */
    static boolean holdsAggregates(String collection) {
        return !collection.startsWith("system.")
                && !collection.equals(LEASE_COLLECTION)
                && !collection.equals(DocumentParkedEvents.COLLECTION);
    }

    private static List<Document> pendingIn(Document document) {
        List<Document> events = document.getList(DocumentOutbox.FIELD, Document.class);
        return events == null ? List.of() : events;
    }

    private boolean holdLease() {
        Date now = new Date();
        Query ours = new Query(new Criteria()
                .andOperator(
                        Criteria.where("_id").is("relay"),
                        new Criteria()
                                .orOperator(
                                        Criteria.where("holder").is(instance),
                                        Criteria.where("expiresAt").lt(now))));
        Update take = new Update()
                .set("holder", instance)
                .set("expiresAt", Date.from(Instant.now().plus(LEASE)));
        try {
            return mongo.findAndModify(
                            ours,
                            take,
                            FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Document.class,
                            LEASE_COLLECTION)
                    != null;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    private static ProducerRecord<String, Object> toRecord(Document event) {
        return EventEnvelopes.producerRecord(
                event.getString("topic"),
                event.getString("key"),
                event.getString("envelope").getBytes(StandardCharsets.UTF_8),
                event.getString("traceParent"));
    }
}
