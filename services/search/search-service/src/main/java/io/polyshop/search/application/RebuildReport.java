package io.polyshop.search.application;

import java.time.Duration;

/** What a rebuild of the index did: the new index, the one it replaced, how many products, how long. */
public record RebuildReport(String index, String previousIndex, long products, Duration took) {}
