package io.polyshop.catalog.adapter.out.mongo;

import io.polyshop.catalog.adapter.contract.ProductSnapshots;
import io.polyshop.catalog.api.CatalogEvents;
import io.polyshop.catalog.application.DuplicateProductException;
import io.polyshop.catalog.application.ResultPage;
import io.polyshop.catalog.application.StaleProductException;
import io.polyshop.catalog.application.port.out.CatalogNews;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.ProductStatus;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Slug;
import io.polyshop.platform.messaging.DocumentOutbox;
import java.util.Collection;
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

/**
 * Products in MongoDB, one document each. A change is a single-document update guarded by the
 * expected version; the event it announces is pushed onto the document's outbox in that same
 * update, so MongoDB stores both or neither without a multi-document transaction.
 */
public class MongoProducts implements Products {

    private final MongoOperations mongo;
    private final DocumentOutbox outbox;

    public MongoProducts(MongoOperations mongo, DocumentOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(ProductDocuments.COLLECTION);
        indexes.createIndex(new Index("slug", Sort.Direction.ASC).unique().named("slug_unique"));
        indexes.createIndex(new Index("skus", Sort.Direction.ASC).unique().named("sku_unique"));
        indexes.createIndex(new Index("categoryId", Sort.Direction.ASC).named("category"));
        // The filter of every versioned update; engines that only use an index whose keys match the
        // filter exactly (the MongoDB-wire server) would otherwise scan the collection per update.
        indexes.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique()
                .named("id_version"));
    }

    @Override
    public Optional<Product> find(ProductId id) {
        return one(Criteria.where("_id").is(id.toString()));
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return one(Criteria.where("slug").is(slug.value()));
    }

    @Override
    public List<Product> findBySkus(Collection<Sku> skus) {
        Query query = new Query(
                Criteria.where("skus").in(skus.stream().map(Sku::value).toList()));
        query.fields().exclude(DocumentOutbox.FIELD);
        return mongo.find(query, Document.class, ProductDocuments.COLLECTION).stream()
                .map(ProductDocuments::toProduct)
                .toList();
    }

    private Optional<Product> one(Criteria criteria) {
        Query query = new Query(criteria);
        query.fields().exclude(DocumentOutbox.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, ProductDocuments.COLLECTION))
                .map(ProductDocuments::toProduct);
    }

    @Override
    public void save(Product product, long expectedVersion, Optional<CatalogNews> news) {
        Document document = ProductDocuments.toDocument(product);
        Optional<Document> pending = news.map(ProductSnapshots::event)
                .map(event ->
                        outbox.pending(CatalogEvents.TOPIC, product.id().toString(), event.type(), event.payload()));
        try {
            if (expectedVersion == 0) {
                document.append(DocumentOutbox.FIELD, pending.map(List::of).orElse(List.of()));
                mongo.insert(document, ProductDocuments.COLLECTION);
            } else {
                Update update = new Update();
                document.forEach((field, value) -> {
                    if (!field.equals("_id")) {
                        update.set(field, value);
                    }
                });
                pending.ifPresent(entry -> update.push(DocumentOutbox.FIELD, entry));
                long matched = mongo.updateFirst(
                                new Query(Criteria.where("_id")
                                        .is(product.id().toString())
                                        .and("version")
                                        .is(expectedVersion)),
                                update,
                                ProductDocuments.COLLECTION)
                        .getMatchedCount();
                if (matched == 0) {
                    throw new StaleProductException(product.id(), expectedVersion);
                }
            }
        } catch (DuplicateKeyException duplicate) {
            throw duplicate(product, duplicate);
        }
        if (pending.isPresent()) {
            outbox.written(ProductDocuments.COLLECTION, product.id().toString());
        }
    }

    private static DuplicateProductException duplicate(Product product, DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMessage());
        if (message.contains("slug")) {
            return new DuplicateProductException(
                    "slug", "The slug " + product.details().slug() + " belongs to another product.");
        }
        return new DuplicateProductException(
                "sku", "One of the SKUs " + product.details().allSkus() + " belongs to another product.");
    }

    @Override
    public ResultPage<Product> visibleIn(Collection<CategoryId> categories, int page, int size) {
        Criteria criteria = Criteria.where("categoryId")
                .in(categories.stream().map(CategoryId::value).toList())
                .and("status")
                .is(ProductStatus.ACTIVE.name());
        long total = mongo.count(new Query(criteria), ProductDocuments.COLLECTION);
        Query query = new Query(criteria)
                .with(Sort.by("name", "_id"))
                .skip((long) page * size)
                .limit(size);
        query.fields().exclude(DocumentOutbox.FIELD);
        List<Product> items = mongo.find(query, Document.class, ProductDocuments.COLLECTION).stream()
                .map(ProductDocuments::toProduct)
                .toList();
        return new ResultPage<>(items, page, size, total);
    }

    @Override
    public List<Product> visibleAfter(ProductId after, int limit) {
        Criteria criteria = Criteria.where("status").is(ProductStatus.ACTIVE.name());
        if (after != null) {
            criteria = criteria.and("_id").gt(after.toString());
        }
        Query query = new Query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().exclude(DocumentOutbox.FIELD);
        return mongo.find(query, Document.class, ProductDocuments.COLLECTION).stream()
                .map(ProductDocuments::toProduct)
                .toList();
    }
}
