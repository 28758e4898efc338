package io.polyshop.notification.adapter.out.mongo;

import static io.polyshop.notification.adapter.out.mongo.NotificationDocuments.COLLECTION;
import static io.polyshop.notification.adapter.out.mongo.NotificationDocuments.path;

import io.polyshop.notification.api.NotificationDeliveryFailed;
import io.polyshop.notification.api.NotificationEvents;
import io.polyshop.notification.application.ResultPage;
import io.polyshop.notification.application.port.out.Notifications;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryStatus;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.platform.messaging.DocumentOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Notifications in MongoDB, one document each, their deliveries inside. A delivery changes by a
 * single-document update that applies only while the delivery is as the writer read it (status and
 * attempts); a delivery that gives up pushes its announcement onto the document's outbox in that same
 * update.
 */
public class MongoNotifications implements Notifications {

    private final MongoOperations mongo;
    private final DocumentOutbox outbox;

    public MongoNotifications(MongoOperations mongo, DocumentOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .on("customerId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC)
                .named("customer_newest"));
        for (Channel channel : Channel.values()) {
            indexes.createIndex(new Index(path(channel, "dueAt"), Sort.Direction.ASC)
                    .sparse()
                    .named(channel.name().toLowerCase() + "_due"));
            // The filter of every conditional delivery update; engines that use only an index whose
            // keys match the filter exactly (the MongoDB-wire server) would otherwise scan.
            indexes.createIndex(new Index()
                    .on("_id", Sort.Direction.ASC)
                    .on(path(channel, "status"), Sort.Direction.ASC)
                    .on(path(channel, "attempts"), Sort.Direction.ASC)
                    .unique()
                    .named(channel.name().toLowerCase() + "_delivery_state"));
        }
    }

    @Override
    public boolean add(Notification notification) {
        try {
            mongo.insert(NotificationDocuments.toDocument(notification), COLLECTION);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    @Override
    public Optional<Notification> find(NotificationId id) {
        Query query = new Query(Criteria.where("_id").is(id.toString()));
        query.fields().exclude(DocumentOutbox.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(NotificationDocuments::toNotification);
    }

    @Override
    public List<NotificationId> due(Channel channel, Instant now, int limit) {
        Query query = new Query(Criteria.where(path(channel, "dueAt")).lte(Date.from(now)))
                .with(Sort.by(path(channel, "dueAt")))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> new NotificationId(UUID.fromString(document.getString("_id"))))
                .toList();
    }

    @Override
    public boolean replace(
            NotificationId id, Delivery before, Delivery after, Optional<Notification> announceFailureOf) {
        Channel channel = before.channel();
        Query current = new Query(Criteria.where("_id")
                .is(id.toString())
                .and(path(channel, "status"))
                .is(before.status().name())
                .and(path(channel, "attempts"))
                .is(before.attempts()));
        Update update = new Update().set(path(channel, ""), NotificationDocuments.toDocument(after));
        announceFailureOf.ifPresent(notification -> update.push(
                DocumentOutbox.FIELD,
                outbox.pending(
                        NotificationEvents.TOPIC,
                        id.toString(),
                        NotificationEvents.DELIVERY_FAILED,
                        new NotificationDeliveryFailed(
                                id.toString(),
                                notification.customer().value(),
                                notification.type().name(),
                                channel.name(),
                                after.attempts(),
                                after.log().getLast().detail(),
                                after.log().getLast().at()))));
        boolean replaced = mongo.updateFirst(current, update, COLLECTION).getMatchedCount() == 1;
        if (replaced && announceFailureOf.isPresent()) {
            outbox.written(COLLECTION, id.toString());
        }
        return replaced;
    }

    @Override
    public ResultPage ofCustomer(CustomerId customer, int page, int size) {
        return page(
                new Query(Criteria.where("customerId").is(customer.value()))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")),
                page,
                size);
    }

    @Override
    public ResultPage withDeadDeliveries(int page, int size) {
        List<Criteria> dead = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            dead.add(Criteria.where(path(channel, "status")).is(DeliveryStatus.DEAD.name()));
        }
        return page(
                new Query(new Criteria().orOperator(dead)).with(Sort.by(Sort.Direction.ASC, "createdAt")), page, size);
    }

    private ResultPage page(Query query, int page, int size) {
        query.skip((long) page * size).limit(size + 1);
        query.fields().exclude(DocumentOutbox.FIELD);
        List<Notification> found = mongo.find(query, Document.class, COLLECTION).stream()
                .map(NotificationDocuments::toNotification)
                .toList();
        return new ResultPage(found.size() > size ? found.subList(0, size) : found, found.size() > size);
    }
}
