package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.adapter.contract.ProductSnapshots;
import io.polyshop.catalog.adapter.in.web.CatalogViews.BrandView;
import io.polyshop.catalog.adapter.in.web.CatalogViews.CategoryNode;
import io.polyshop.catalog.adapter.in.web.CatalogViews.Page;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.catalog.application.CatalogQueries;
import io.polyshop.catalog.application.ProductListing;
import io.polyshop.catalog.application.ResultPage;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.Slug;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anonymous, read-only catalog: published products, the category tree and brands. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final CatalogQueries queries;

    CatalogController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/products/{id}")
    ProductSnapshot product(@PathVariable UUID id) {
        return ProductSnapshots.of(queries.product(new ProductId(id)));
    }

    @GetMapping("/products/by-slug/{slug}")
    ProductSnapshot productBySlug(@PathVariable @Pattern(regexp = SLUG, message = Slug.EXPECTATION) String slug) {
        return ProductSnapshots.of(queries.productBySlug(new Slug(slug)));
    }

    /** Published products of a category and its descendants, by name. */
    @GetMapping("/products")
    @ApiResponse(responseCode = "200", description = "A page of the category's published products")
    @ApiResponse(responseCode = "404", description = "No such category")
    Page<ProductSnapshot> inCategory(
            @RequestParam @Pattern(regexp = SLUG, message = Slug.EXPECTATION) String category,
            @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be 0 or more")
                    @Max(value = 10_000, message = "must be at most 10000")
                    int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        ResultPage<ProductListing> found = queries.inCategory(new CategoryId(category), page, size);
        return new Page<>(
                found.items().stream().map(ProductSnapshots::of).toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                (int) ((found.totalItems() + size - 1) / size));
    }

    /**
     * Every published product in id order, a page at a time: how a service that keeps its own copy
     * (search) rebuilds it. Pass the last id of a page as {@code after} to get the next.
     */
    @GetMapping("/product-snapshots")
    List<ProductSnapshot> snapshots(
            @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = "500")
                    @Min(value = 1, message = "must be between 1 and 1000")
                    @Max(value = 1000, message = "must be between 1 and 1000")
                    int limit) {
        return queries.visibleAfter(after == null ? null : new ProductId(after), limit).stream()
                .map(ProductSnapshots::of)
                .toList();
    }

    @GetMapping("/categories")
    List<CategoryNode> categories() {
        return queries.categoryTree().roots().stream().map(CategoryNode::of).toList();
    }

    @GetMapping("/brands")
    List<BrandView> brands() {
        return queries.brands().stream().map(BrandView::of).toList();
    }
}
