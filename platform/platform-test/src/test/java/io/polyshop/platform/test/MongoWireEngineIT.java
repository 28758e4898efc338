package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoWireEngineIT {

    @Test
    void storesAndQueriesNestedDocumentsThroughTheMongoDriver() {
        try (MongoClient client = MongoClients.create(TestEngines.mongoUri())) {
            MongoCollection<Document> products = client.getDatabase("engine_it").getCollection("products");
            products.insertOne(new Document("_id", "p-1")
                    .append("name", "Laptop")
                    .append("attributes", new Document("ramGb", 16).append("storageGb", 512)));
            products.insertOne(
                    new Document("_id", "p-2").append("name", "Shirt").append("attributes", new Document("size", "M")));

            List<Document> found =
                    products.find(Filters.gte("attributes.ramGb", 8)).into(new java.util.ArrayList<>());

            assertThat(found).extracting(document -> document.getString("name")).containsExactly("Laptop");
        }
    }
}
