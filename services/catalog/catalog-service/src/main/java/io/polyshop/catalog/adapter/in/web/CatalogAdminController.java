package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.adapter.in.web.CatalogRequests.BrandRequest;
import io.polyshop.catalog.adapter.in.web.CatalogRequests.CategoryRequest;
import io.polyshop.catalog.adapter.in.web.CatalogViews.BrandView;
import io.polyshop.catalog.adapter.in.web.CatalogViews.CategoryView;
import io.polyshop.catalog.application.CategoryAdministration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editors define categories (with their attributes) and brands under ids they choose. */
@RestController
@RequestMapping("/api/v1/admin")
class CatalogAdminController {

    private final CategoryAdministration administration;

    CatalogAdminController(CategoryAdministration administration) {
        this.administration = administration;
    }

    @PutMapping("/categories/{id}")
    CategoryView defineCategory(@PathVariable String id, @RequestBody CategoryRequest request) {
        return CategoryView.of(administration.define(request.toCategory(id)));
    }

    @PutMapping("/brands/{id}")
    BrandView defineBrand(@PathVariable String id, @RequestBody BrandRequest request) {
        return BrandView.of(administration.define(request.toBrand(id)));
    }
}
