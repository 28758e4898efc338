package io.polyshop.catalog.application;

import io.polyshop.catalog.domain.Product;
import java.util.List;

/**
 * A product as the catalog lists it to shoppers and other services: with its brand's name and its
 * category's name and path (ids from the root down, ending with the category itself).
 */
public record ProductListing(Product product, String brandName, String categoryName, List<String> categoryPath) {}
