package io.polyshop.catalog.adapter.out.mongo;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

public class MongoBrands implements Brands {

    private static final String COLLECTION = "brands";

    private final MongoOperations mongo;

    public MongoBrands(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Brand> all() {
        return mongo.find(new Query().with(Sort.by("name")), Document.class, COLLECTION).stream()
                .map(MongoBrands::toBrand)
                .toList();
    }

    @Override
    public Optional<Brand> find(BrandId id) {
        return Optional.ofNullable(
                        mongo.findOne(new Query(Criteria.where("_id").is(id.value())), Document.class, COLLECTION))
                .map(MongoBrands::toBrand);
    }

    @Override
    public void save(Brand brand) {
        mongo.save(new Document("_id", brand.id().value()).append("name", brand.name()), COLLECTION);
    }

    private static Brand toBrand(Document document) {
        return new Brand(new BrandId(document.getString("_id")), document.getString("name"));
    }
}
