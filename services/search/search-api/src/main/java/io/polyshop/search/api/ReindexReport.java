package io.polyshop.search.api;

import java.time.Duration;

/** What a rebuild of the search index did: the new index, how many products it holds, how long it took. */
public record ReindexReport(String index, String previousIndex, long products, Duration took) {}
