package io.polyshop.notification.adapter.out.mongo;

import io.polyshop.notification.application.port.out.Recipients;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Preferences;
import io.polyshop.notification.domain.Recipient;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Customers' addresses (identity's read model) and their preferences, one document per customer each. */
public class MongoRecipients implements Recipients {

    private static final String RECIPIENTS = "recipients";
    private static final String PREFERENCES = "preferences";

    private final MongoOperations mongo;

    public MongoRecipients(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Recipient recipient) {
        mongo.upsert(
                byId(recipient.customer()),
                new Update().set("email", recipient.email()).set("displayName", recipient.displayName()),
                RECIPIENTS);
    }

    @Override
    public Optional<Recipient> find(CustomerId customer) {
        return Optional.ofNullable(mongo.findOne(byId(customer), Document.class, RECIPIENTS))
                .map(document ->
                        new Recipient(customer, document.getString("email"), document.getString("displayName")));
    }

    @Override
    public void save(Preferences preferences) {
        mongo.upsert(
                byId(preferences.customer()),
                new Update()
                        .set(
                                "optedOut",
                                preferences.optedOut().stream()
                                        .map(Channel::name)
                                        .sorted()
                                        .toList())
                        .set("locale", preferences.locale()),
                PREFERENCES);
    }

    @Override
    public Preferences preferences(CustomerId customer) {
        Document document = mongo.findOne(byId(customer), Document.class, PREFERENCES);
        if (document == null) {
            return Preferences.defaults(customer);
        }
        List<String> optedOut = document.getList("optedOut", String.class, List.of());
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        optedOut.forEach(channel -> channels.add(Channel.valueOf(channel)));
        return new Preferences(customer, channels, document.getString("locale"));
    }

    private static Query byId(CustomerId customer) {
        return new Query(Criteria.where("_id").is(customer.value()));
    }
}
