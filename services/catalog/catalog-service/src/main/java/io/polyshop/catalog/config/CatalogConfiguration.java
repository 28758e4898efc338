package io.polyshop.catalog.config;

import io.polyshop.catalog.adapter.out.mongo.MongoBrands;
import io.polyshop.catalog.adapter.out.mongo.MongoCategories;
import io.polyshop.catalog.adapter.out.mongo.MongoProducts;
import io.polyshop.catalog.application.CatalogQueries;
import io.polyshop.catalog.application.CategoryAdministration;
import io.polyshop.catalog.application.ProductAdministration;
import io.polyshop.catalog.application.ProductImport;
import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.platform.messaging.DocumentOutbox;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.PublicEndpoints;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

@Configuration
class CatalogConfiguration {

    /** Shoppers browse anonymously; everything under /api/v1/admin needs an ADMIN token. */
    @Bean
    PublicEndpoints catalogPublicEndpoints() {
        return PublicEndpoints.of(
                "GET /api/v1/products",
                "GET /api/v1/products/**",
                "GET /api/v1/product-snapshots",
                "GET /api/v1/categories",
                "GET /api/v1/brands");
    }

    /** The back office: decided by path before a body is read; a read-only role cannot write. */
    @Bean
    GuardedEndpoints catalogGuardedEndpoints() {
        return GuardedEndpoints.builder()
                .readWrite("/api/v1/admin/**", Permission.CATALOG_READ_ANY, Permission.CATALOG_WRITE_ANY)
                .build();
    }

    @Bean
    Products products(MongoOperations mongo, DocumentOutbox outbox) {
        return new MongoProducts(mongo, outbox);
    }

    @Bean
    Categories categories(MongoOperations mongo) {
        return new MongoCategories(mongo);
    }

    @Bean
    Brands brands(MongoOperations mongo) {
        return new MongoBrands(mongo);
    }

    @Bean
    ProductAdministration productAdministration(Products products, Categories categories, Brands brands, Clock clock) {
        return new ProductAdministration(products, categories, brands, clock);
    }

    @Bean
    ProductImport productImport(
            ProductAdministration administration,
            Products products,
            Categories categories,
            Brands brands,
            Clock clock) {
        return new ProductImport(administration, products, categories, brands, clock);
    }

    @Bean
    CatalogQueries catalogQueries(Products products, Categories categories, Brands brands) {
        return new CatalogQueries(products, categories, brands);
    }

    @Bean
    CategoryAdministration categoryAdministration(Categories categories, Brands brands) {
        return new CategoryAdministration(categories, brands);
    }
}
