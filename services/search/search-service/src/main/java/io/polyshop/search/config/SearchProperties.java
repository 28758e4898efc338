package io.polyshop.search.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param opensearchUrl the OpenSearch node or cluster ({@code polyshop.opensearch.url})
 * @param index the alias searches read and writes go through; generations are named after it
 * @param catalogUrl where the catalog's API answers, for rebuilding the index
 */
@ConfigurationProperties("polyshop.search")
record SearchProperties(URI opensearchUrl, String index, URI catalogUrl) {

    SearchProperties {
        index = index == null ? "products" : index;
        catalogUrl = catalogUrl == null ? URI.create("http://127.0.0.1:8082") : catalogUrl;
        if (opensearchUrl == null) {
            throw new IllegalArgumentException(
                    "polyshop.search.opensearch-url is required (POLYSHOP_OPENSEARCH_URL), e.g. http://127.0.0.1:19200");
        }
    }
}
