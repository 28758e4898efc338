package io.polyshop.search.config;

import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.PublicEndpoints;
import io.polyshop.search.adapter.in.messaging.CatalogEventsListener;
import io.polyshop.search.adapter.out.http.HttpCatalogSnapshots;
import io.polyshop.search.adapter.out.opensearch.OpenSearchProductIndex;
import io.polyshop.search.application.CatalogIndexing;
import io.polyshop.search.application.ProductSearch;
import io.polyshop.search.application.Reindexing;
import io.polyshop.search.application.port.out.CatalogSnapshots;
import java.time.Clock;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean
    PublicEndpoints searchPublicEndpoints() {
        return PublicEndpoints.of("GET /api/v1/search/products", "GET /api/v1/search/suggestions");
    }

    /** The back office: decided by path before a body is read; a read-only role cannot write. */
    @Bean
    GuardedEndpoints searchGuardedEndpoints() {
        return GuardedEndpoints.builder()
                .require(HttpMethod.POST, "/api/v1/admin/search/reindex", Permission.SEARCH_WRITE_ANY)
                .build();
    }

    @Bean(destroyMethod = "close")
    OpenSearchTransport openSearchTransport(SearchProperties settings) throws java.net.URISyntaxException {
        // A node that does not answer within seconds makes a search 503 instead of holding it for 30 s.
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(settings.opensearchUrl()))
                .setRequestConfigCallback(request -> request.setConnectionRequestTimeout(Timeout.ofSeconds(2))
                        .setResponseTimeout(Timeout.ofSeconds(10)))
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(Timeout.ofSeconds(2)))
                .build();
    }

    @Bean
    OpenSearchProductIndex productIndex(OpenSearchTransport transport, SearchProperties settings, Clock clock) {
        OpenSearchProductIndex index =
                new OpenSearchProductIndex(new OpenSearchClient(transport), settings.index(), clock);
        index.ensureExists();
        return index;
    }

    @Bean
    CatalogSnapshots catalogSnapshots(RestClient.Builder http, SearchProperties settings) {
        return new HttpCatalogSnapshots(
                http.baseUrl(settings.catalogUrl().toString()).build());
    }

    @Bean
    ProductSearch searchProducts(OpenSearchProductIndex index) {
        return new ProductSearch(index);
    }

    @Bean
    CatalogIndexing indexCatalogChanges(OpenSearchProductIndex index) {
        return new CatalogIndexing(index);
    }

    @Bean
    Reindexing reindex(OpenSearchProductIndex index, CatalogSnapshots catalog, Clock clock) {
        return new Reindexing(index, catalog, clock);
    }

    @Bean
    CatalogEventsListener catalogEventsListener(CatalogIndexing index, JsonMapper json) {
        return new CatalogEventsListener(index, json);
    }
}
