package io.polyshop.catalog.adapter.out.mongo;

import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.domain.AttributeDefinition;
import io.polyshop.catalog.domain.AttributeType;
import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.CategoryId;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** The category tree in MongoDB: one document per category, each with its attribute definitions. */
public class MongoCategories implements Categories {

    private static final String COLLECTION = "categories";

    private final MongoOperations mongo;

    public MongoCategories(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Category> all() {
        return mongo.find(new Query(), Document.class, COLLECTION).stream()
                .map(MongoCategories::toCategory)
                .toList();
    }

    @Override
    public void save(Category category) {
        mongo.save(
                new Document("_id", category.id().value())
                        .append("name", category.name())
                        .append(
                                "parentId",
                                category.parent() == null
                                        ? null
                                        : category.parent().value())
                        .append(
                                "attributes",
                                category.attributes().stream()
                                        .map(attribute -> new Document("name", attribute.name())
                                                .append("type", attribute.type().name())
                                                .append("required", attribute.required())
                                                .append("allowedValues", attribute.allowedValues()))
                                        .toList()),
                COLLECTION);
    }

    private static Category toCategory(Document document) {
        String parent = document.getString("parentId");
        return new Category(
                new CategoryId(document.getString("_id")),
                document.getString("name"),
                parent == null ? null : new CategoryId(parent),
                document.getList("attributes", Document.class, List.of()).stream()
                        .map(attribute -> new AttributeDefinition(
                                attribute.getString("name"),
                                AttributeType.valueOf(attribute.getString("type")),
                                attribute.getBoolean("required", false),
                                attribute.getList("allowedValues", String.class, List.of())))
                        .toList());
    }
}
