package io.polyshop.search.adapter.out.opensearch;

import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * The explicit mapping: English analysis for what shoppers type, keywords for what they filter and
 * facet on, a scaled number for prices (exact to the cent), nested attributes so that a filter on
 * "ramGb = 16" never matches one product's ramGb with another attribute's 16.
 */
final class ProductMapping {

    private ProductMapping() {}

    static TypeMapping mapping() {
        return TypeMapping.of(mapping -> mapping.dynamic(
                        org.opensearch.client.opensearch._types.mapping.DynamicMapping.Strict)
                .properties("productId", keyword())
                .properties("version", Property.of(p -> p.long_(l -> l)))
                .properties("active", Property.of(p -> p.boolean_(b -> b)))
                .properties("sku", keyword())
                .properties("skus", keyword())
                .properties("slug", keyword())
                .properties(
                        "name",
                        Property.of(p -> p.text(text -> text.analyzer("english")
                                .fields("keyword", keyword())
                                .fields("suggest", Property.of(s -> s.searchAsYouType(t -> t.analyzer("standard")))))))
                .properties("description", Property.of(p -> p.text(text -> text.analyzer("english"))))
                .properties(
                        "brand",
                        Property.of(p -> p.object(o -> o.properties("id", keyword())
                                .properties(
                                        "name",
                                        Property.of(n -> n.keyword(k -> k.fields(
                                                "text",
                                                Property.of(t -> t.text(text -> text.analyzer("english"))))))))))
                .properties(
                        "category",
                        Property.of(p -> p.object(o -> o.properties("id", keyword())
                                .properties(
                                        "name",
                                        Property.of(n -> n.keyword(k -> k.fields(
                                                "text", Property.of(t -> t.text(text -> text.analyzer("english")))))))
                                .properties("path", keyword()))))
                .properties("price", Property.of(p -> p.scaledFloat(f -> f.scalingFactor(100.0))))
                .properties("currency", keyword())
                .properties("image", Property.of(p -> p.keyword(k -> k.index(false))))
                .properties(
                        "attributes",
                        Property.of(p ->
                                p.nested(n -> n.properties("name", keyword()).properties("value", keyword()))))
                .properties("publishedAt", Property.of(p -> p.date(d -> d))));
    }

    /** One shard is right for a catalog of this size on one node; replicas come with more nodes. */
    static IndexSettings settings() {
        return IndexSettings.of(
                settings -> settings.numberOfShards(1).numberOfReplicas(0).refreshInterval(t -> t.time("1s")));
    }

    private static Property keyword() {
        return Property.of(p -> p.keyword(k -> k));
    }
}
