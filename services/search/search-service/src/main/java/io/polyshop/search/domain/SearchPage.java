package io.polyshop.search.domain;

import java.util.List;

/** One page of the products a query matched, with the facets of everything it matched. */
public record SearchPage(List<ProductMatch> matches, long totalMatches, int page, int size, FacetCounts facets) {}
