package io.polyshop.platform.messaging;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox for stores without multi-document transactions (MongoDB): the pending event travels
 * inside the aggregate's own document, in an array named {@value #FIELD}, written by the same
 * single-document operation that changes the aggregate. Whatever the write does to the aggregate,
 * it does to the event too; the {@link DocumentOutboxRelay} publishes the array's entries in order
 * and then pulls them out.
 *
 * <p>Usage in an adapter: {@code update.push(DocumentOutbox.FIELD, outbox.pending(...))}, then
 * {@link #written(String, Object)} with the document's collection and id once the write succeeded.
 */
public class DocumentOutbox {

    /** The array of not yet published events inside an aggregate's document. */
    public static final String FIELD = "outbox";

    private final EventEnvelopes envelopes;
    private final JsonMapper json;
    private final Supplier<String> traceParent;
    private final BiConsumer<String, Object> afterWrite;

    public DocumentOutbox(
            EventEnvelopes envelopes,
            JsonMapper json,
            Supplier<String> traceParent,
            BiConsumer<String, Object> afterWrite) {
        this.envelopes = envelopes;
        this.json = json;
        this.traceParent = traceParent;
        this.afterWrite = afterWrite;
    }

    /**
     * The entry to push onto the aggregate's {@value #FIELD} array: {@code payload} as a CloudEvent
     * of {@code type} about {@code aggregateId}, to be published on {@code topic} keyed by that id.
     */
    public Document pending(String topic, String aggregateId, String type, Object payload) {
        CloudEvent event = envelopes.envelope(type, aggregateId, json.writeValueAsBytes(payload));
        Document entry = new Document("id", event.getId())
                .append("topic", topic)
                .append("key", aggregateId)
                .append("type", type)
                .append("envelope", new String(envelopes.serialize(event), StandardCharsets.UTF_8))
                .append("createdAt", new Date());
        String trace = traceParent.get();
        if (trace != null) {
            entry.append("traceParent", trace);
        }
        return entry;
    }

    /**
     * Tells the relay that a write pushing events onto document {@code id} of {@code collection}
     * succeeded, so it reads that document at once.
     */
    public void written(String collection, Object id) {
        afterWrite.accept(collection, id);
    }
}
