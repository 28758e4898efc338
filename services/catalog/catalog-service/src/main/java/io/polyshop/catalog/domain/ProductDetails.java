package io.polyshop.catalog.domain;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything an editor decides about a product: identity for shoppers (SKU, slug, name), where it
 * belongs (brand, category), price, media, typed attributes, variants and specifications.
 * The application layer checks a submitted draft against the product's category before it
 * constructs this; the constructor guards what holds for every product.
 */
public record ProductDetails(
        Sku sku,
        Slug slug,
        String name,
        String description,
        BrandId brand,
        CategoryId category,
        Money price,
        List<URI> images,
        Map<String, Object> attributes,
        List<Variant> variants,
        List<Specification> specifications) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_IMAGES = 20;
    public static final int MAX_VARIANTS = 50;

    public ProductDetails {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        variants = variants == null ? List.of() : List.copyOf(variants);
        specifications = specifications == null ? List.of() : List.copyOf(specifications);
        Violations violations = new Violations().text("name", name, MAX_NAME);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        violations.throwIfAny();
    }

    /** Every SKU this product is sold under: its own and its variants'. */
    public List<Sku> allSkus() {
        return Stream.concat(Stream.of(sku), variants.stream().map(Variant::sku))
                .toList();
    }
}
