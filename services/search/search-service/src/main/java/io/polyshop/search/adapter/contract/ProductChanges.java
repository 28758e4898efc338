package io.polyshop.search.adapter.contract;

import io.polyshop.catalog.api.ProductArchived;
import io.polyshop.catalog.api.ProductSnapshot;
import io.polyshop.search.domain.ProductChange;
import io.polyshop.search.domain.SearchableProduct;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Catalog's published products translated into what the index needs; read both from catalog's
 * events (messaging) and from its API when the index is rebuilt (http).
 */
public final class ProductChanges {

    private ProductChanges() {}

    public static SearchableProduct searchable(ProductSnapshot product) {
        Map<String, String> attributes = new LinkedHashMap<>();
        product.attributes().forEach((name, value) -> attributes.put(name, text(value)));
        return new SearchableProduct(
                product.productId(),
                product.version(),
                product.sku(),
                Stream.concat(
                                Stream.of(product.sku()),
                                product.variants().stream().map(ProductSnapshot.Variant::sku))
                        .toList(),
                product.slug(),
                product.name(),
                product.description(),
                product.brand().id(),
                product.brand().name(),
                product.category().id(),
                product.category().name(),
                product.category().path(),
                product.price().amount(),
                product.price().currency(),
                product.images().isEmpty() ? null : product.images().getFirst(),
                attributes,
                product.publishedAt());
    }

    public static ProductChange indexed(ProductSnapshot product) {
        return new ProductChange.Indexed(searchable(product));
    }

    public static ProductChange withdrawn(ProductArchived archived) {
        return new ProductChange.Withdrawn(archived.productId(), archived.version());
    }

    /** Facets count values as text: 16 and 16.0 are one value. */
    private static String text(Object value) {
        return value instanceof BigDecimal decimal
                ? decimal.stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
