package io.polyshop.catalog.application;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.InvalidCatalogEntryException;

/** Editors define the category tree (with each category's attributes) and the brands. */
public class CategoryAdministration {

    private final Categories categories;
    private final Brands brands;

    public CategoryAdministration(Categories categories, Brands brands) {
        this.categories = categories;
        this.brands = brands;
    }

    /** Creates or replaces a category; its parent must exist and the tree must stay a tree. */
    public Category define(Category category) {
        CategoryTree tree = new CategoryTree(categories.all());
        if (category.parent() != null && !tree.contains(category.parent())) {
            throw InvalidCatalogEntryException.of("parentId", "names no known category");
        }
        if (tree.wouldLoop(category.id(), category.parent())) {
            throw InvalidCatalogEntryException.of("parentId", "would make the category its own ancestor");
        }
        categories.save(category);
        return category;
    }

    public Brand define(Brand brand) {
        brands.save(brand);
        return brand;
    }
}
