package io.polyshop.search.adapter.out.http;

import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.search.adapter.contract.ProductChanges;
import io.polyshop.search.application.port.out.CatalogSnapshots;
import io.polyshop.search.domain.SearchableProduct;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** Reads catalog's published products over its public API, as any other client would. */
public class HttpCatalogSnapshots implements CatalogSnapshots {

    private static final ParameterizedTypeReference<List<ProductSnapshot>> PAGE = new ParameterizedTypeReference<>() {};

    private final RestClient catalog;

    public HttpCatalogSnapshots(RestClient catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<SearchableProduct> after(UUID productId, int limit) {
        List<ProductSnapshot> page = catalog.get()
                .uri(uri -> {
                    uri.path("/api/v1/product-snapshots").queryParam("limit", limit);
                    if (productId != null) {
                        uri.queryParam("after", productId);
                    }
                    return uri.build();
                })
                .retrieve()
                .body(PAGE);
        return page == null
                ? List.of()
                : page.stream().map(ProductChanges::searchable).toList();
    }
}
