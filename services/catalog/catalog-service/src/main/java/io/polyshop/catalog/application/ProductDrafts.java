package io.polyshop.catalog.application;

import io.polyshop.catalog.application.ProductDraft.PriceDraft;
import io.polyshop.catalog.application.ProductDraft.SpecificationDraft;
import io.polyshop.catalog.application.ProductDraft.VariantDraft;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.CategoryPath;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Slug;
import io.polyshop.catalog.domain.Specification;
import io.polyshop.catalog.domain.Variant;
import io.polyshop.catalog.domain.Violations;
import io.polyshop.commerce.api.CommerceRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a submitted draft into product details, checking every field against the catalog's rules
 * and the product's category, and reporting all violations at once.
 */
public final class ProductDrafts {

    private static final int MAX_URL = 2_000;

    private final CategoryTree categories;
    private final Function<BrandId, Optional<Brand>> brands;

    public ProductDrafts(CategoryTree categories, Function<BrandId, Optional<Brand>> brands) {
        this.categories = categories;
        this.brands = brands;
    }

    public ProductDetails check(ProductDraft draft) {
        Violations violations = new Violations();
        Sku sku = sku("sku", draft.sku(), violations);
        Slug slug = null;
        if (Slug.valid(draft.slug())) {
            slug = new Slug(draft.slug());
        } else {
            violations.add("slug", Slug.EXPECTATION + " (at most " + Slug.MAX_LENGTH + " characters)");
        }
        violations.text("name", draft.name(), ProductDetails.MAX_NAME);
        if (draft.description() != null && draft.description().length() > ProductDetails.MAX_DESCRIPTION) {
            violations.add("description", "must be at most " + ProductDetails.MAX_DESCRIPTION + " characters");
        }
        Brand brand = brand(draft.brandId(), violations);
        CategoryPath category = category(draft.categoryId(), violations);
        Money price = price("price", draft.price(), violations);
        List<URI> images = images(draft.images(), violations);
        Map<String, Object> attributes =
                category == null ? Map.of() : category.check("attributes", draft.attributes(), violations);
        List<Variant> variants = variants(draft.variants(), category, sku, violations);
        List<Specification> specifications = specifications(draft.specifications(), violations);
        violations.throwIfAny();
        return new ProductDetails(
                sku,
                slug,
                draft.name(),
                draft.description(),
                brand.id(),
                category.category().id(),
                price,
                images,
                attributes,
                variants,
                specifications);
    }

    private static Sku sku(String field, String value, Violations violations) {
        if (value != null && CommerceRules.isSku(value)) {
            return new Sku(value);
        }
        violations.add(field, CommerceRules.SKU_RULE);
        return null;
    }

    private Brand brand(String brandId, Violations violations) {
        if (!Slug.valid(brandId)) {
            violations.add("brandId", "must name a brand by its id (" + Slug.EXPECTATION + ")");
            return null;
        }
        Optional<Brand> brand = brands.apply(new BrandId(brandId));
        if (brand.isEmpty()) {
            violations.add("brandId", "names no known brand");
        }
        return brand.orElse(null);
    }

    private CategoryPath category(String categoryId, Violations violations) {
        if (!Slug.valid(categoryId)) {
            violations.add("categoryId", "must name a category by its id (" + Slug.EXPECTATION + ")");
            return null;
        }
        Optional<CategoryPath> path = categories.path(new CategoryId(categoryId));
        if (path.isEmpty()) {
            violations.add("categoryId", "names no known category");
        }
        return path.orElse(null);
    }

    private static Money price(String field, PriceDraft price, Violations violations) {
        if (price == null) {
            violations.add(field, "is required");
            return null;
        }
        return Money.parse(field, price.amount(), price.currency(), violations);
    }

    private static List<URI> images(List<String> images, Violations violations) {
        List<String> submitted = images == null ? List.of() : images;
        if (submitted.size() > ProductDetails.MAX_IMAGES) {
            violations.add("images", "at most " + ProductDetails.MAX_IMAGES + " images");
            return List.of();
        }
        List<URI> checked = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            String image = submitted.get(i);
            try {
                URI uri = image == null || image.length() > MAX_URL ? null : new URI(image);
                if (uri == null
                        || uri.getHost() == null
                        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    violations.add("images[" + i + "]", "must be an http(s) URL of at most " + MAX_URL + " characters");
                } else {
                    checked.add(uri);
                }
            } catch (URISyntaxException e) {
                violations.add("images[" + i + "]", "must be an http(s) URL of at most " + MAX_URL + " characters");
            }
        }
        return checked;
    }

    private static List<Variant> variants(
            List<VariantDraft> variants, CategoryPath category, Sku productSku, Violations violations) {
        List<VariantDraft> submitted = variants == null ? List.of() : variants;
        if (submitted.size() > ProductDetails.MAX_VARIANTS) {
            violations.add("variants", "at most " + ProductDetails.MAX_VARIANTS + " variants");
            return List.of();
        }
        Set<Sku> seen = new HashSet<>();
        if (productSku != null) {
            seen.add(productSku);
        }
        List<Variant> checked = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            String field = "variants[" + i + "]";
            VariantDraft variant = submitted.get(i);
            if (variant == null) {
                violations.add(field, "is required");
                continue;
            }
            Sku sku = sku(field + ".sku", variant.sku(), violations);
            if (sku != null && !seen.add(sku)) {
                violations.add(field + ".sku", "is used twice in this product");
            }
            Money price = price(field + ".price", variant.price(), violations);
            Map<String, Object> attributes = variantAttributes(field, variant.attributes(), category, violations);
            if (sku != null && price != null) {
                checked.add(new Variant(sku, attributes, price));
            }
        }
        return checked;
    }

    /** A variant sets some of its category's attributes (the size, the colour); none is required. */
    private static Map<String, Object> variantAttributes(
            String field, Map<String, Object> attributes, CategoryPath category, Violations violations) {
        if (category == null || attributes == null) {
            return Map.of();
        }
        Violations found = new Violations();
        Map<String, Object> checked = category.check(field + ".attributes", attributes, found);
        found.list().stream()
                .filter(violation -> !violation.message().equals("is required"))
                .forEach(violation -> violations.add(violation.field(), violation.message()));
        return checked;
    }

    private static List<Specification> specifications(List<SpecificationDraft> groups, Violations violations) {
        List<SpecificationDraft> submitted = groups == null ? List.of() : groups;
        List<Specification> checked = new ArrayList<>();
        if (submitted.size() > 30) {
            violations.add("specifications", "at most 30 groups");
            return checked;
        }
        for (int i = 0; i < submitted.size(); i++) {
            SpecificationDraft group = submitted.get(i);
            String field = "specifications[" + i + "]";
            if (group == null) {
                violations.add(field, "is required");
                continue;
            }
            violations.text(field + ".group", group.group(), 100);
            List<ProductDraft.EntryDraft> entries = group.entries() == null ? List.of() : group.entries();
            if (entries.size() > 50) {
                violations.add(field + ".entries", "at most 50 entries");
                continue;
            }
            List<Specification.Entry> checkedEntries = new ArrayList<>();
            for (int j = 0; j < entries.size(); j++) {
                ProductDraft.EntryDraft entry = entries.get(j);
                String entryField = field + ".entries[" + j + "]";
                if (entry == null) {
                    violations.add(entryField, "is required");
                    continue;
                }
                violations
                        .text(entryField + ".name", entry.name(), 100)
                        .text(entryField + ".value", entry.value(), 500);
                checkedEntries.add(new Specification.Entry(entry.name(), entry.value()));
            }
            checked.add(new Specification(group.group(), checkedEntries));
        }
        return checked;
    }
}
