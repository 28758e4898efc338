package io.polyshop.notification.adapter.out.mongo;

import io.polyshop.notification.application.port.out.Templates;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Template;
import io.polyshop.notification.domain.TemplateKey;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Templates in MongoDB, keyed by {@code TYPE/CHANNEL/locale}; a change is guarded by the version it replaces. */
public class MongoTemplates implements Templates {

    private static final String COLLECTION = "templates";

    private final MongoOperations mongo;

    public MongoTemplates(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on("version", Sort.Direction.ASC)
                        .unique()
                        .named("id_version"));
    }

    @Override
    public Optional<Template> find(TemplateKey key) {
        return Optional.ofNullable(mongo.findById(key.toString(), Document.class, COLLECTION))
                .map(MongoTemplates::toTemplate);
    }

    @Override
    public List<Template> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(MongoTemplates::toTemplate)
                .toList();
    }

    @Override
    public boolean add(Template template) {
        try {
            mongo.insert(
                    new Document("_id", template.key().toString())
                            .append("type", template.key().type().name())
                            .append("channel", template.key().channel().name())
                            .append("locale", template.key().locale())
                            .append("subject", template.subject())
                            .append("body", template.body())
                            .append("version", template.version())
                            .append("updatedAt", Date.from(template.updatedAt())),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean replace(Template template, long expectedVersion) {
        Query current = new Query(Criteria.where("_id")
                .is(template.key().toString())
                .and("version")
                .is(expectedVersion));
        Update update = new Update()
                .set("subject", template.subject())
                .set("body", template.body())
                .set("version", template.version())
                .set("updatedAt", Date.from(template.updatedAt()));
        return mongo.updateFirst(current, update, COLLECTION).getMatchedCount() == 1;
    }

    private static Template toTemplate(Document document) {
        return new Template(
                new TemplateKey(
                        NotificationType.valueOf(document.getString("type")),
                        Channel.valueOf(document.getString("channel")),
                        document.getString("locale")),
                document.getString("subject"),
                document.getString("body"),
                ((Number) document.get("version")).longValue(),
                document.getDate("updatedAt").toInstant());
    }
}
