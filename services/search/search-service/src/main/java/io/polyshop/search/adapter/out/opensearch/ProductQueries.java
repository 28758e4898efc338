package io.polyshop.search.adapter.out.opensearch;

import io.polyshop.search.domain.ProductQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;

/**
 * Shoppers' input becomes typed query objects, never query strings: whatever a parameter holds is
 * matched as text or compared as a value, so no input can change the query's structure.
 */
final class ProductQueries {

    /** The short fields shoppers name things by, weighted by how much a match there says. */
    private static final List<String> NAMING_FIELDS = List.of("name^3", "brand.name.text^2", "category.name.text^2");

    private static final List<String> TEXT_FIELDS = Stream.concat(
                    NAMING_FIELDS.stream(), Stream.of("description", "skus^4"))
            .toList();

    private ProductQueries() {}

    static Query matching(ProductQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("active", FieldValue.of(true)));
        if (query.categoryId() != null) {
            filters.add(term("category.path", FieldValue.of(query.categoryId())));
        }
        if (!query.brandIds().isEmpty()) {
            filters.add(Query.of(q -> q.terms(terms -> terms.field("brand.id")
                    .terms(values -> values.value(
                            query.brandIds().stream().map(FieldValue::of).toList())))));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            filters.add(Query.of(q -> q.range(range -> {
                range.field("price");
                if (query.minPrice() != null) {
                    range.gte(JsonData.of(query.minPrice()));
                }
                if (query.maxPrice() != null) {
                    range.lte(JsonData.of(query.maxPrice()));
                }
                return range;
            })));
        }
        for (Map.Entry<String, List<String>> attribute : query.attributes().entrySet()) {
            filters.add(Query.of(q -> q.nested(nested -> nested.path("attributes")
                    .query(inner ->
                            inner.bool(bool -> bool.filter(term("attributes.name", FieldValue.of(attribute.getKey())))
                                    .filter(Query.of(values -> values.terms(terms -> terms.field("attributes.value")
                                            .terms(list -> list.value(attribute.getValue().stream()
                                                    .map(FieldValue::of)
                                                    .toList()))))))))));
        }
        return Query.of(q -> q.bool(bool -> {
            bool.filter(filters);
            if (query.text() != null) {
                bool.must(Query.of(text -> text.bool(either -> either.should(asTyped(query.text()))
                        .should(despiteTypos(query.text()))
                        .minimumShouldMatch("1"))));
            }
            return bool;
        }));
    }

    /** The words as typed, in every text field. */
    private static Query asTyped(String text) {
        return Query.of(q -> q.multiMatch(match -> match.query(text)
                .fields(TEXT_FIELDS)
                .type(TextQueryType.BestFields)
                .operator(Operator.Or)
                .minimumShouldMatch("2<75%")));
    }

    /**
     * The words with typos forgiven, in the naming fields only. Descriptions and SKUs have large
     * dictionaries: expanding every word to its near misses there made the benchmark's texts about
     * a fifth slower to match, for matches shoppers rarely mean.
     *
     * <p>One typo from four letters, two from eight. OpenSearch expands the typos of every search,
     * even one its request cache then answers; with two typos from six letters that expansion was
     * more than half of its work under the benchmark (ADR 0014).
     */
    private static Query despiteTypos(String text) {
        return Query.of(q -> q.multiMatch(match -> match.query(text)
                .fields(NAMING_FIELDS)
                .type(TextQueryType.BestFields)
                .fuzziness("AUTO:4,8")
                .prefixLength(1)
                .operator(Operator.Or)
                .minimumShouldMatch("2<75%")));
    }

    /** Names that start with what the shopper typed so far, word by word. */
    static Query completing(String prefix) {
        return Query.of(q -> q.bool(bool -> bool.filter(term("active", FieldValue.of(true)))
                .must(Query.of(match -> match.multiMatch(multi -> multi.query(prefix)
                        .type(TextQueryType.BoolPrefix)
                        .operator(Operator.And)
                        .fields("name.suggest", "name.suggest._2gram", "name.suggest._3gram"))))));
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(term -> term.field(field).value(value)));
    }
}
