package io.polyshop.catalog.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A product as an editor or an import file submits it: raw values, checked by {@link ProductDrafts}. */
public record ProductDraft(
        String sku,
        String slug,
        String name,
        String description,
        String brandId,
        String categoryId,
        PriceDraft price,
        List<String> images,
        Map<String, Object> attributes,
        List<VariantDraft> variants,
        List<SpecificationDraft> specifications) {

    public record PriceDraft(BigDecimal amount, String currency) {}

    public record VariantDraft(String sku, Map<String, Object> attributes, PriceDraft price) {}

    public record SpecificationDraft(String group, List<EntryDraft> entries) {}

    public record EntryDraft(String name, String value) {}
}
