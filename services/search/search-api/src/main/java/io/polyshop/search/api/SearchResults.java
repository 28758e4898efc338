package io.polyshop.search.api;

import java.util.List;

/** One page of products matching a query, with the facets of everything that matched. */
public record SearchResults(List<ProductHit> hits, long totalHits, int page, int size, Facets facets) {}
