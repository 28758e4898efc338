package io.polyshop.search.adapter.in.web;

import io.polyshop.search.api.Facets;
import io.polyshop.search.api.ProductHit;
import io.polyshop.search.api.ReindexReport;
import io.polyshop.search.api.SearchResults;
import io.polyshop.search.api.Suggestion;
import io.polyshop.search.application.RebuildReport;
import io.polyshop.search.domain.FacetCounts;
import io.polyshop.search.domain.NameCompletion;
import io.polyshop.search.domain.ProductMatch;
import io.polyshop.search.domain.SearchPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Search's answers in its published contract (search-api), which the storefront reads too. */
final class SearchViews {

    private SearchViews() {}

    static SearchResults results(SearchPage page) {
        return new SearchResults(
                page.matches().stream().map(SearchViews::hit).toList(),
                page.totalMatches(),
                page.page(),
                page.size(),
                facets(page.facets()));
    }

    static Suggestion suggestion(NameCompletion completion) {
        return new Suggestion(completion.productId(), completion.name(), completion.slug());
    }

    static ReindexReport report(RebuildReport rebuilt) {
        return new ReindexReport(rebuilt.index(), rebuilt.previousIndex(), rebuilt.products(), rebuilt.took());
    }

    private static ProductHit hit(ProductMatch match) {
        return new ProductHit(
                match.productId(),
                match.sku(),
                match.slug(),
                match.name(),
                match.brand(),
                match.category(),
                match.price(),
                match.currency(),
                match.image(),
                match.highlights());
    }

    private static Facets facets(FacetCounts counts) {
        Map<String, List<Facets.Count>> attributes = new LinkedHashMap<>();
        counts.attributes().forEach((name, values) -> attributes.put(name, counts(values)));
        return new Facets(
                counts(counts.brands()),
                counts(counts.categories()),
                attributes,
                counts.prices().stream()
                        .map(band -> new Facets.PriceBand(band.from(), band.to(), band.count()))
                        .toList());
    }

    private static List<Facets.Count> counts(List<FacetCounts.ValueCount> values) {
        return values.stream()
                .map(value -> new Facets.Count(value.value(), value.label(), value.count()))
                .toList();
    }
}
