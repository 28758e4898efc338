package io.polyshop.search.adapter.out.opensearch;

import io.polyshop.search.domain.SearchableProduct;
import java.math.BigDecimal;
import java.util.List;

/**
 * A product's document in OpenSearch. Withdrawn products stay as a stub with {@code active=false}
 * and their version, so that a late, older event cannot bring them back.
 */
record ProductDocument(
        String productId,
        long version,
        boolean active,
        String sku,
        List<String> skus,
        String slug,
        String name,
        String description,
        Named brand,
        Category category,
        BigDecimal price,
        String currency,
        String image,
        List<Attribute> attributes,
        String publishedAt) {

    record Named(String id, String name) {}

    record Category(String id, String name, List<String> path) {}

    record Attribute(String name, String value) {}

    static ProductDocument of(SearchableProduct product) {
        return new ProductDocument(
                product.productId().toString(),
                product.version(),
                true,
                product.sku(),
                product.skus(),
                product.slug(),
                product.name(),
                product.description(),
                new Named(product.brandId(), product.brandName()),
                new Category(product.categoryId(), product.categoryName(), product.categoryPath()),
                product.price(),
                product.currency(),
                product.image(),
                product.attributes().entrySet().stream()
                        .map(entry -> new Attribute(entry.getKey(), entry.getValue()))
                        .toList(),
                product.publishedAt() == null ? null : product.publishedAt().toString());
    }

    static ProductDocument withdrawn(String productId, long version) {
        return new ProductDocument(
                productId, version, false, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
