package io.polyshop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in documents' {@value DocumentOutbox#FIELD} arrays, in every
 * collection of the service's database, keyed by aggregate id and in the order they were pushed.
 *
 * <p>A round takes a batch of documents with pending events, sends all their events (each
 * document's in array order, on the idempotent producer that keeps a key's order), waits for
 * Kafka's acknowledgements and pulls each document's acknowledged prefix out by id, in one update
 * that leaves events pushed meanwhile in place. An event behind a refused one in its document is
 * not pulled, so it goes out again after it. One instance relays at a time: it holds
 * a lease document that it renews every round and that others may take once it expired.
 */
public class DocumentOutboxRelay extends RelayLoop {

    static final String LEASE_COLLECTION = "polyshop_outbox_lease";
    private static final Duration LEASE = Duration.ofSeconds(15);

    private final MongoOperations mongo;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Relay settings;
    private final String instance = UUID.randomUUID().toString();

    public DocumentOutboxRelay(
            MongoOperations mongo, KafkaOperations<String, Object> kafka, MessagingProperties.Relay settings) {
        super("document-outbox-relay", settings);
        this.mongo = mongo;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** One round over every collection: publish up to a batch of pending events. */
    @Override
    protected Round relayOnce() {
        if (!holdLease()) {
            return new Round(0, null);
        }
        int published = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.") || collection.equals(LEASE_COLLECTION)) {
                continue;
            }
            Round round = relay(collection, settings.batchSize() - published);
            published += round.published();
            if (round.failure() != null || published >= settings.batchSize()) {
                return new Round(published, round.failure());
            }
        }
        return new Round(published, null);
    }

    private Round relay(String collection, int limit) {
        Query withPending =
                new Query(Criteria.where(DocumentOutbox.FIELD + ".0").exists(true)).limit(limit);
        withPending.fields().include("_id", DocumentOutbox.FIELD);
        List<Document> documents = mongo.find(withPending, Document.class, collection);
        // Everything is sent before anything is awaited; the idempotent producer keeps each key's order.
        List<List<CompletableFuture<SendResult<String, Object>>>> sends = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<CompletableFuture<SendResult<String, Object>>> sent = new ArrayList<>();
            for (Document event : document.getList(DocumentOutbox.FIELD, Document.class)) {
                try {
                    sent.add(kafka.send(toRecord(event)));
                } catch (RuntimeException e) {
                    sent.add(CompletableFuture.failedFuture(e));
                    break;
                }
            }
            sends.add(sent);
        }
        List<Object> acknowledged = new ArrayList<>();
        List<Object> touched = new ArrayList<>();
        Exception failure = null;
        for (int d = 0; d < documents.size(); d++) {
            List<Document> events = documents.get(d).getList(DocumentOutbox.FIELD, Document.class);
            List<CompletableFuture<SendResult<String, Object>>> sent = sends.get(d);
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                    acknowledged.add(events.get(i).get("id"));
                    if (i == 0) {
                        touched.add(documents.get(d).get("_id"));
                    }
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            // Pulls only the acknowledged ids: events pushed meanwhile stay for the next round.
            mongo.updateMulti(
                    new Query(Criteria.where("_id").in(touched)),
                    new Update().pull(DocumentOutbox.FIELD, new Document("id", new Document("$in", acknowledged))),
                    collection);
        }
        return new Round(acknowledged.size(), failure);
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
