package io.polyshop.catalog.application;

import java.util.List;

/** One page of what a query found, with the total over all pages. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems) {}
