package io.polyshop.search.adapter.out.opensearch;

import io.polyshop.search.application.port.out.ProductIndex;
import io.polyshop.search.domain.FacetCounts;
import io.polyshop.search.domain.NameCompletion;
import io.polyshop.search.domain.ProductChange;
import io.polyshop.search.domain.ProductMatch;
import io.polyshop.search.domain.ProductQuery;
import io.polyshop.search.domain.SearchPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.update_aliases.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product index in OpenSearch, always read and written through an alias so that a rebuilt
 * index can replace it in one atomic switch. Writes use external versioning: OpenSearch itself
 * refuses a document whose version is not newer than the stored one.
 */
public class OpenSearchProductIndex implements ProductIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchProductIndex.class);
    private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final OpenSearchClient client;
    private final String alias;
    private final Clock clock;
    private final Set<String> alsoWriteTo = new CopyOnWriteArraySet<>();

    public OpenSearchProductIndex(OpenSearchClient client, String alias, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.clock = clock;
    }

    /** Creates the first generation behind the alias when there is none yet. */
    public void ensureExists() {
        try {
            if (!client.indices().existsAlias(request -> request.name(alias)).value()) {
                String first = createGeneration();
                client.indices()
                        .updateAliases(request -> request.actions(action ->
                                action.add(add -> add.index(first).alias(alias).isWriteIndex(true))));
                log.info("created search index {} behind alias {}", first, alias);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int apply(List<ProductChange> changes) {
        int applied = write(alias, changes);
        for (String generation : alsoWriteTo) {
            write(generation, changes);
        }
        return applied;
    }

    @Override
    public void load(String generation, List<ProductChange> changes) {
        write(generation, changes);
    }

    private int write(String target, List<ProductChange> changes) {
        List<BulkOperation> operations = new ArrayList<>(changes.size());
        for (ProductChange change : changes) {
            ProductDocument document = switch (change) {
                case ProductChange.Indexed indexed -> ProductDocument.of(indexed.product());
                case ProductChange.Withdrawn withdrawn ->
                    ProductDocument.withdrawn(withdrawn.productId().toString(), withdrawn.version());
            };
            operations.add(BulkOperation.of(operation -> operation.index(index -> index.index(target)
                    .id(change.productId().toString())
                    .version(change.version())
                    .versionType(VersionType.External)
                    .document(document))));
        }
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            int applied = 0;
            List<String> failures = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    applied++;
                } else if (!"version_conflict_engine_exception"
                        .equals(item.error().type())) {
                    failures.add(item.id() + ": " + item.error().type() + " "
                            + item.error().reason());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("OpenSearch refused " + failures.size() + " product(s): " + failures);
            }
            return applied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two searches in one round trip: the page of hits (no counting beyond what the page needs, so
     * Lucene can skip documents that cannot make the page) and, separately, the facets and the total
     * (shoppers narrowing the same search in different orders or pages reuse them). OpenSearch's
     * shard request cache keeps both until the index next refreshes with a change; it keeps pages of
     * hits only when asked, so both searches ask.
     */
    @Override
    public SearchPage search(ProductQuery query) {
        Query matching = ProductQueries.matching(query);
        try {
            MsearchResponse<ProductDocument> response = client.msearch(
                    search -> search.searches(hits -> hits.header(
                                            header -> header.index(alias).requestCache(true))
                                    .body(body -> body.query(matching)
                                            .from(query.page() * query.size())
                                            .size(query.size())
                                            .sort(sort(query))
                                            .trackTotalHits(total -> total.enabled(false))
                                            .highlight(highlight -> highlight
                                                    .encoder(HighlighterEncoder.Html)
                                                    .preTags("<em>")
                                                    .postTags("</em>")
                                                    .fields("name", field -> field.numberOfFragments(0))
                                                    .fields(
                                                            "description",
                                                            field -> field.fragmentSize(160)
                                                                    .numberOfFragments(1)))))
                            .searches(facets -> facets.header(
                                            header -> header.index(alias).requestCache(true))
                                    .body(body -> body.query(matching)
                                            .size(0)
                                            .trackTotalHits(total -> total.enabled(true))
                                            .aggregations(facets(query)))),
                    ProductDocument.class);
            MultiSearchItem<ProductDocument> page = result(response.responses().get(0));
            MultiSearchItem<ProductDocument> counts =
                    result(response.responses().get(1));
            List<ProductMatch> hits =
                    page.hits().hits().stream().map(OpenSearchProductIndex::hit).toList();
            long total = counts.hits().total() == null
                    ? hits.size()
                    : counts.hits().total().value();
            return new SearchPage(hits, total, query.page(), query.size(), facets(counts.aggregations(), query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MultiSearchItem<ProductDocument> result(MultiSearchResponseItem<ProductDocument> item) {
        if (!item.isResult()) {
            throw new IllegalStateException(
                    "OpenSearch refused a search: " + item.failure().error().reason());
        }
        return item.result();
    }

    private static List<SortOptions> sort(ProductQuery query) {
        return switch (query.sort()) {
            case RELEVANCE -> List.of(SortOptions.of(sort -> sort.score(score -> score)), newest());
            case PRICE_ASC ->
                List.of(byField("price", org.opensearch.client.opensearch._types.SortOrder.Asc), newest());
            case PRICE_DESC ->
                List.of(byField("price", org.opensearch.client.opensearch._types.SortOrder.Desc), newest());
            case NEWEST ->
                List.of(newest(), byField("productId", org.opensearch.client.opensearch._types.SortOrder.Asc));
        };
    }

    private static SortOptions newest() {
        return byField("publishedAt", org.opensearch.client.opensearch._types.SortOrder.Desc);
    }

    private static SortOptions byField(String field, org.opensearch.client.opensearch._types.SortOrder order) {
        return SortOptions.of(sort -> sort.field(by -> by.field(field).order(order)));
    }

    private static Map<String, Aggregation> facets(ProductQuery query) {
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        facets.put(
                "brands",
                Aggregation.of(a -> a.terms(t -> t.field("brand.id").size(20))
                        .aggregations(
                                "label",
                                label -> label.terms(t -> t.field("brand.name").size(1)))));
        facets.put(
                "categories",
                Aggregation.of(a -> a.terms(t -> t.field("category.id").size(20))
                        .aggregations(
                                "label",
                                label -> label.terms(
                                        t -> t.field("category.name").size(1)))));
        facets.put(
                "attributes",
                Aggregation.of(a -> a.nested(n -> n.path("attributes"))
                        .aggregations(
                                "names",
                                names -> names.terms(
                                                t -> t.field("attributes.name").size(15))
                                        .aggregations(
                                                "values",
                                                values -> values.terms(t -> t.field("attributes.value")
                                                        .size(10))))));
        facets.put(
                "prices",
                Aggregation.of(a -> a.histogram(h -> h.field("price")
                        .interval(query.priceBand().doubleValue())
                        .minDocCount(1))));
        return facets;
    }

    private static FacetCounts facets(Map<String, Aggregate> aggregations, ProductQuery query) {
        Map<String, List<FacetCounts.ValueCount>> attributes = new LinkedHashMap<>();
        for (StringTermsBucket name : aggregations
                .get("attributes")
                .nested()
                .aggregations()
                .get("names")
                .sterms()
                .buckets()
                .array()) {
            attributes.put(
                    name.key(),
                    name.aggregations().get("values").sterms().buckets().array().stream()
                            .map(value -> new FacetCounts.ValueCount(value.key(), value.key(), value.docCount()))
                            .toList());
        }
        List<FacetCounts.PriceBand> prices = aggregations.get("prices").histogram().buckets().array().stream()
                .map(bucket -> {
                    BigDecimal from = BigDecimal.valueOf(bucket.key()).stripTrailingZeros();
                    return new FacetCounts.PriceBand(from, from.add(query.priceBand()), bucket.docCount());
                })
                .toList();
        return new FacetCounts(
                labelled(aggregations.get("brands")), labelled(aggregations.get("categories")), attributes, prices);
    }

    private static List<FacetCounts.ValueCount> labelled(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(bucket -> {
                    var labels = bucket.aggregations()
                            .get("label")
                            .sterms()
                            .buckets()
                            .array();
                    String label =
                            labels.isEmpty() ? bucket.key() : labels.getFirst().key();
                    return new FacetCounts.ValueCount(bucket.key(), label, bucket.docCount());
                })
                .toList();
    }

    private static ProductMatch hit(Hit<ProductDocument> hit) {
        ProductDocument product = hit.source();
        return new ProductMatch(
                UUID.fromString(product.productId()),
                product.sku(),
                product.slug(),
                product.name(),
                product.brand().name(),
                product.category().name(),
                product.price(),
                product.currency(),
                product.image(),
                hit.highlight());
    }

    @Override
    public List<NameCompletion> suggest(String prefix, int size) {
        try {
            SearchResponse<ProductDocument> response = client.search(
                    search -> search.index(alias)
                            .query(ProductQueries.completing(prefix))
                            .size(size)
                            .source(source -> source.filter(filter -> filter.includes("productId", "name", "slug"))),
                    ProductDocument.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .map(product ->
                            new NameCompletion(UUID.fromString(product.productId()), product.name(), product.slug()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String createGeneration() {
        String generation = alias + "-" + GENERATION.format(clock.instant().atZone(java.time.ZoneOffset.UTC));
        try {
            client.indices()
                    .create(create -> create.index(generation)
                            .settings(ProductMapping.settings())
                            .mappings(ProductMapping.mapping()));
            return generation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void alsoWriteTo(String generation) {
        alsoWriteTo.add(generation);
    }

    @Override
    public String promote(String generation) {
        try {
            // Searchable before it serves: otherwise shoppers would see an empty index for up to a refresh interval.
            client.indices().refresh(refresh -> refresh.index(generation));
            List<String> previous = new ArrayList<>(client.indices()
                    .getAlias(request -> request.name(alias))
                    .result()
                    .keySet());
            List<Action> actions = new ArrayList<>();
            actions.add(Action.of(action ->
                    action.add(add -> add.index(generation).alias(alias).isWriteIndex(true))));
            previous.forEach(old -> actions.add(Action.of(
                    action -> action.remove(remove -> remove.index(old).alias(alias)))));
            client.indices().updateAliases(request -> request.actions(actions));
            alsoWriteTo.remove(generation);
            for (String old : previous) {
                client.indices().delete(delete -> delete.index(old));
            }
            return previous.isEmpty() ? null : String.join(",", previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(String generation) {
        alsoWriteTo.remove(generation);
        try {
            client.indices().delete(delete -> delete.index(generation));
        } catch (IOException | OpenSearchException e) {
            log.warn("could not delete abandoned index generation {}: {}", generation, e.getMessage());
        }
    }
}
