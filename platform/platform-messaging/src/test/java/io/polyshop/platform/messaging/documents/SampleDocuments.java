package io.polyshop.platform.messaging.documents;

import io.polyshop.platform.messaging.DocumentOutbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The sample store and its outbox, written the way an adapter writes an aggregate and its events. */
abstract class SampleDocuments {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String COLLECTION = "samples";

    @Autowired
    MongoOperations mongo;

    @Autowired
    DocumentOutbox outbox;

    /**
     * Writes step {@code step} of sample {@code id} and its event in one single-document operation;
     * step 1 creates the sample.
     */
    void writeUnannounced(String topic, String id, int step, Map<String, Object> data) {
        Document event = outbox.pending(topic, id, "polyshop.sample.step-taken.v1", data);
        if (step == 1) {
            mongo.insert(
                    new Document("_id", id).append("step", step).append(DocumentOutbox.FIELD, List.of(event)),
                    COLLECTION);
        } else {
            mongo.updateFirst(
                    new Query(Criteria.where("_id").is(id)),
                    new Update().set("step", step).push(DocumentOutbox.FIELD, event),
                    COLLECTION);
        }
    }

    /** The events still pending in the sample's document. */
    List<?> pendingIn(String id) {
        return mongo.findById(id, Document.class, COLLECTION).getList(DocumentOutbox.FIELD, Object.class);
    }
}
