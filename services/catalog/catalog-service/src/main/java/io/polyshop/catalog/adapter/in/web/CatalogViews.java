package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.application.CategoryTree;
import io.polyshop.catalog.domain.AttributeDefinition;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.Specification;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of catalog's API. */
final class CatalogViews {

    private CatalogViews() {}

    record Price(BigDecimal amount, String currency) {

        static Price of(Money money) {
            return new Price(money.amount(), money.currency().getCurrencyCode());
        }
    }

    record VariantView(String sku, Map<String, Object> attributes, Price price) {}

    /** A product as editors see it: any status, with the version to send back in {@code If-Match}. */
    record ProductView(
            UUID id,
            long version,
            String status,
            String sku,
            String slug,
            String name,
            String description,
            String brandId,
            String categoryId,
            Price price,
            List<String> images,
            Map<String, Object> attributes,
            List<VariantView> variants,
            List<Specification> specifications,
            Instant createdAt,
            Instant updatedAt,
            @Schema(nullable = true) Instant publishedAt) {

        static ProductView of(Product product) {
            ProductDetails details = product.details();
            return new ProductView(
                    product.id().value(),
                    product.version(),
                    product.status().name(),
                    details.sku().value(),
                    details.slug().value(),
                    details.name(),
                    details.description(),
                    details.brand().value(),
                    details.category().value(),
                    Price.of(details.price()),
                    details.images().stream().map(URI::toString).toList(),
                    details.attributes(),
                    details.variants().stream()
                            .map(variant -> new VariantView(
                                    variant.sku().value(), variant.attributes(), Price.of(variant.price())))
                            .toList(),
                    details.specifications(),
                    product.createdAt(),
                    product.updatedAt(),
                    product.publishedAt());
        }
    }

    record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {}

    record BrandView(String id, String name) {

        static BrandView of(Brand brand) {
            return new BrandView(brand.id().value(), brand.name());
        }
    }

    /** A category as an editor defined it; {@code parentId} is null for a department (a root). */
    record CategoryView(
            String id, String name, @Schema(nullable = true) String parentId, List<AttributeDefinition> attributes) {

        static CategoryView of(Category category) {
            return new CategoryView(
                    category.id().value(),
                    category.name(),
                    category.parent() == null ? null : category.parent().value(),
                    category.attributes());
        }
    }

    record CategoryNode(String id, String name, List<AttributeDefinition> attributes, List<CategoryNode> children) {

        static CategoryNode of(CategoryTree.Node node) {
            return new CategoryNode(
                    node.category().id().value(),
                    node.category().name(),
                    node.category().attributes(),
                    node.children().stream().map(CategoryNode::of).toList());
        }
    }
}
