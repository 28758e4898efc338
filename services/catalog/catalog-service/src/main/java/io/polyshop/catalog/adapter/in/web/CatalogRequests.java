package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.application.ProductDraft;
import io.polyshop.catalog.domain.AttributeDefinition;
import io.polyshop.catalog.domain.AttributeType;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.CategoryId;
import java.util.List;
import java.util.Map;

/** Request bodies of catalog's admin API. Their values are checked by the domain, which names each bad field. */
final class CatalogRequests {

    private CatalogRequests() {}

    /**
     * A product as an editor submits it; also one line of an NDJSON import, which may add
     * {@code status}: DRAFT (the default), ACTIVE to publish at once, or ARCHIVED to withdraw the
     * product with this SKU.
     */
    record ProductRequest(
            String sku,
            String slug,
            String name,
            String description,
            String brandId,
            String categoryId,
            ProductDraft.PriceDraft price,
            List<String> images,
            Map<String, Object> attributes,
            List<ProductDraft.VariantDraft> variants,
            List<ProductDraft.SpecificationDraft> specifications) {

        ProductDraft toDraft() {
            return new ProductDraft(
                    sku,
                    slug,
                    name,
                    description,
                    brandId,
                    categoryId,
                    price,
                    images,
                    attributes,
                    variants,
                    specifications);
        }
    }

    record AttributeRequest(String name, AttributeType type, boolean required, List<String> allowedValues) {}

    record CategoryRequest(String name, String parentId, List<AttributeRequest> attributes) {

        Category toCategory(String id) {
            return new Category(
                    new CategoryId(id),
                    name,
                    parentId == null ? null : new CategoryId(parentId),
                    attributes == null
                            ? List.of()
                            : attributes.stream()
                                    .map(attribute -> new AttributeDefinition(
                                            attribute.name(),
                                            attribute.type(),
                                            attribute.required(),
                                            attribute.allowedValues()))
                                    .toList());
        }
    }

    record BrandRequest(String name) {

        Brand toBrand(String id) {
            return new Brand(new BrandId(id), name);
        }
    }
}
