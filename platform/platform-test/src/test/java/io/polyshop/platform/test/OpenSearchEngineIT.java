package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

class OpenSearchEngineIT {

    record Product(String name) {}

    @Test
    void findsDocumentsByStemmedEnglishText() throws Exception {
        var transport = ApacheHttpClient5TransportBuilder.builder(HttpHost.create(TestEngines.openSearchUrl()))
                .build();
        try (transport) {
            OpenSearchClient client = new OpenSearchClient(transport);
            client.indices()
                    .create(index -> index.index("products-engine-it")
                            .mappings(mapping -> mapping.properties(
                                    "name", property -> property.text(text -> text.analyzer("english")))));

            client.index(index -> index.index("products-engine-it")
                    .id("p-1")
                    .document(new Product("Running shoes for trails"))
                    .refresh(Refresh.True));
            var hits = client.search(
                            search -> search.index("products-engine-it")
                                    .query(query -> query.match(match ->
                                            match.field("name").query(value -> value.stringValue("run shoe")))),
                            Product.class)
                    .hits();

            assertThat(hits.hits()).extracting(hit -> hit.id()).containsExactly("p-1");
        }
    }
}
