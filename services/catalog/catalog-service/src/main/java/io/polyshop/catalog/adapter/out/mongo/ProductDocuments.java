package io.polyshop.catalog.adapter.out.mongo;

import io.polyshop.catalog.domain.BrandId;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.ProductStatus;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Slug;
import io.polyshop.catalog.domain.Specification;
import io.polyshop.catalog.domain.Variant;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * How a product looks in MongoDB. Money and decimal attributes are Decimal128, never double;
 * {@code skus} lists the product's own SKU and its variants' so that one unique index covers all.
 */
final class ProductDocuments {

    static final String COLLECTION = "products";

    private ProductDocuments() {}

    static Document toDocument(Product product) {
        ProductDetails details = product.details();
        return new Document("_id", product.id().toString())
                .append("version", product.version())
                .append("status", product.status().name())
                .append("sku", details.sku().value())
                .append("skus", details.allSkus().stream().map(Sku::value).toList())
                .append("slug", details.slug().value())
                .append("name", details.name())
                .append("description", details.description())
                .append("brandId", details.brand().value())
                .append("categoryId", details.category().value())
                .append("price", money(details.price()))
                .append("images", details.images().stream().map(URI::toString).toList())
                .append("attributes", attributes(details.attributes()))
                .append(
                        "variants",
                        details.variants().stream()
                                .map(variant -> new Document(
                                                "sku", variant.sku().value())
                                        .append("attributes", attributes(variant.attributes()))
                                        .append("price", money(variant.price())))
                                .toList())
                .append(
                        "specifications",
                        details.specifications().stream()
                                .map(group -> new Document("group", group.group())
                                        .append(
                                                "entries",
                                                group.entries().stream()
                                                        .map(entry -> new Document("name", entry.name())
                                                                .append("value", entry.value()))
                                                        .toList()))
                                .toList())
                .append("createdAt", Date.from(product.createdAt()))
                .append("updatedAt", Date.from(product.updatedAt()))
                .append("publishedAt", product.publishedAt() == null ? null : Date.from(product.publishedAt()));
    }

    static Product toProduct(Document document) {
        ProductDetails details = new ProductDetails(
                new Sku(document.getString("sku")),
                new Slug(document.getString("slug")),
                document.getString("name"),
                document.getString("description"),
                new BrandId(document.getString("brandId")),
                new CategoryId(document.getString("categoryId")),
                money(document.get("price", Document.class)),
                document.getList("images", String.class, List.of()).stream()
                        .map(URI::create)
                        .toList(),
                attributes(document.get("attributes", Document.class)),
                document.getList("variants", Document.class, List.of()).stream()
                        .map(variant -> new Variant(
                                new Sku(variant.getString("sku")),
                                attributes(variant.get("attributes", Document.class)),
                                money(variant.get("price", Document.class))))
                        .toList(),
                document.getList("specifications", Document.class, List.of()).stream()
                        .map(group -> new Specification(
                                group.getString("group"),
                                group.getList("entries", Document.class, List.of()).stream()
                                        .map(entry -> new Specification.Entry(
                                                entry.getString("name"), entry.getString("value")))
                                        .toList()))
                        .toList());
        return new Product(
                new ProductId(UUID.fromString(document.getString("_id"))),
                details,
                ProductStatus.valueOf(document.getString("status")),
                document.get("version", Number.class).longValue(),
                instant(document.getDate("createdAt")),
                instant(document.getDate("updatedAt")),
                instant(document.getDate("publishedAt")));
    }

    private static Document money(Money money) {
        return new Document("amount", new Decimal128(money.amount()))
                .append("currency", money.currency().getCurrencyCode());
    }

    private static Money money(Document document) {
        return new Money(
                document.get("amount", Decimal128.class).bigDecimalValue(),
                Currency.getInstance(document.getString("currency")));
    }

    private static Document attributes(Map<String, Object> attributes) {
        Document document = new Document();
        attributes.forEach((name, value) ->
                document.append(name, value instanceof BigDecimal decimal ? new Decimal128(decimal) : value));
        return document;
    }

    private static Map<String, Object> attributes(Document document) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((name, value) -> attributes.put(
                    name,
                    switch (value) {
                        case Decimal128 decimal -> decimal.bigDecimalValue();
                        case Integer number -> number.longValue();
                        default -> value;
                    }));
        }
        return attributes;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
