package io.polyshop.catalog;

import io.polyshop.platform.test.ApiClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small catalog to test against, and products that fit it. */
final class CatalogFixtures {

    private CatalogFixtures() {}

    /** electronics > computers > laptops, and clothing > t-shirts; brands acme and globex. */
    static void defineCatalog(ApiClient admin) {
        expectOk(admin.put("/api/v1/admin/categories/electronics", Map.of("name", "Electronics")));
        expectOk(admin.put(
                "/api/v1/admin/categories/computers",
                Map.of(
                        "name",
                        "Computers",
                        "parentId",
                        "electronics",
                        "attributes",
                        List.of(attribute("warrantyYears", "INTEGER", false)))));
        expectOk(admin.put(
                "/api/v1/admin/categories/laptops",
                Map.of(
                        "name",
                        "Laptops",
                        "parentId",
                        "computers",
                        "attributes",
                        List.of(
                                attribute("ramGb", "INTEGER", true),
                                attribute("storageGb", "INTEGER", true),
                                attribute("screenInches", "DECIMAL", false),
                                attribute("touchscreen", "BOOLEAN", false)))));
        expectOk(admin.put("/api/v1/admin/categories/clothing", Map.of("name", "Clothing")));
        expectOk(admin.put(
                "/api/v1/admin/categories/t-shirts",
                Map.of(
                        "name",
                        "T-shirts",
                        "parentId",
                        "clothing",
                        "attributes",
                        List.of(
                                Map.of(
                                        "name",
                                        "size",
                                        "type",
                                        "TEXT",
                                        "required",
                                        false,
                                        "allowedValues",
                                        List.of("S", "M", "L")),
                                attribute("colour", "TEXT", true)))));
        expectOk(admin.put("/api/v1/admin/brands/acme", Map.of("name", "Acme")));
        expectOk(admin.put("/api/v1/admin/brands/globex", Map.of("name", "Globex")));
    }

    private static Map<String, Object> attribute(String name, String type, boolean required) {
        return Map.of("name", name, "type", type, "required", required);
    }

    private static void expectOk(ApiClient.Response response) {
        if (response.status() != 200) {
            throw new AssertionError("defining the test catalog failed: " + response);
        }
    }

    /** A valid laptop with a unique SKU and slug; callers change fields to make it invalid. */
    static Map<String, Object> laptop(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "LAP-" + unique.toUpperCase());
        product.put("slug", "laptop-" + unique);
        product.put("name", name);
        product.put("description", "A light laptop with a bright screen and a long battery life.");
        product.put("brandId", "acme");
        product.put("categoryId", "laptops");
        product.put("price", Map.of("amount", new BigDecimal("999.90"), "currency", "EUR"));
        product.put("images", List.of("https://images.polyshop.test/" + unique + ".jpg"));
        product.put("attributes", new LinkedHashMap<>(Map.of("ramGb", 16, "storageGb", 512, "screenInches", 14.2)));
        product.put(
                "variants",
                new ArrayList<>(List.of(Map.of(
                        "sku",
                        "LAP-" + unique.toUpperCase() + "-32",
                        "attributes",
                        Map.of("ramGb", 32),
                        "price",
                        Map.of("amount", new BigDecimal("1199.90"), "currency", "EUR")))));
        product.put(
                "specifications",
                List.of(Map.of(
                        "group",
                        "Display",
                        "entries",
                        List.of(
                                Map.of("name", "Panel", "value", "IPS"),
                                Map.of("name", "Refresh rate", "value", "120 Hz")))));
        return product;
    }
}
