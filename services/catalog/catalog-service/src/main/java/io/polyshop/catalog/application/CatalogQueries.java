package io.polyshop.catalog.application;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.Slug;
import java.util.List;

/** What shoppers (and services rebuilding their own copies) may read: published products only. */
public class CatalogQueries {

    private final Products products;
    private final Categories categories;
    private final Brands brands;

    public CatalogQueries(Products products, Categories categories, Brands brands) {
        this.products = products;
        this.categories = categories;
        this.brands = brands;
    }

    public ProductListing product(ProductId id) {
        Product product = products.find(id)
                .filter(Product::isVisible)
                .orElseThrow(() -> new UnknownProductException(id.toString()));
        return view().listings().of(product);
    }

    public ProductListing productBySlug(Slug slug) {
        Product product = products.findBySlug(slug)
                .filter(Product::isVisible)
                .orElseThrow(() -> new UnknownProductException("with slug " + slug));
        return view().listings().of(product);
    }

    /** Published products of the category and all categories below it. */
    public ResultPage<ProductListing> inCategory(CategoryId category, int page, int size) {
        CatalogView view = view();
        if (!view.categories().contains(category)) {
            throw new UnknownCategoryException(category);
        }
        ResultPage<Product> found = products.visibleIn(view.categories().withDescendants(category), page, size);
        ProductListings listings = view.listings();
        return new ResultPage<>(
                found.items().stream().map(listings::of).toList(), found.page(), found.size(), found.totalItems());
    }

    /** Published products after {@code after} in id order: how a reader rebuilds its copy page by page. */
    public List<ProductListing> visibleAfter(ProductId after, int limit) {
        ProductListings listings = view().listings();
        return products.visibleAfter(after, limit).stream().map(listings::of).toList();
    }

    private CatalogView view() {
        return CatalogView.read(categories, brands);
    }

    public CategoryTree categoryTree() {
        return new CategoryTree(categories.all());
    }

    public List<Brand> brands() {
        return brands.all();
    }
}
