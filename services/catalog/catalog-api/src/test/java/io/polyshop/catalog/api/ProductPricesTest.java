package io.polyshop.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.api.ProductSnapshot.Price;
import io.polyshop.catalog.api.ProductSnapshot.SkuPrice;
import io.polyshop.catalog.api.ProductSnapshot.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductPricesTest {

    private static final Price PRODUCT_PRICE = new Price(new BigDecimal("19.90"), "EUR");
    private static final Price LARGE_PRICE = new Price(new BigDecimal("24.90"), "EUR");

    @Test
    void sellsTheProductsOwnSkuFirstAtItsPrice() {
        assertThat(shirt(List.of()).skuPrices()).containsExactly(new SkuPrice("SHIRT-1", PRODUCT_PRICE));
    }

    @Test
    void sellsAVariantAtItsOwnPriceOrElseAtTheProducts() {
        var variants = List.of(
                new Variant("SHIRT-1-M", Map.of("size", "M"), null),
                new Variant("SHIRT-1-XL", Map.of("size", "XL"), LARGE_PRICE));

        assertThat(shirt(variants).skuPrices())
                .containsExactly(
                        new SkuPrice("SHIRT-1", PRODUCT_PRICE),
                        new SkuPrice("SHIRT-1-M", PRODUCT_PRICE),
                        new SkuPrice("SHIRT-1-XL", LARGE_PRICE));
    }

    @Test
    void anArchivedProductWithdrawsItsOwnSkuAndEveryVariants() {
        var archived = new ProductArchived(UUID.randomUUID(), 4, "SHIRT-1", List.of("SHIRT-1-M"), Instant.now());

        assertThat(archived.skus()).containsExactly("SHIRT-1", "SHIRT-1-M");
    }

    private static ProductSnapshot shirt(List<Variant> variants) {
        return new ProductSnapshot(
                UUID.randomUUID(),
                3,
                "SHIRT-1",
                "shirt",
                "Shirt",
                "A shirt",
                new ProductSnapshot.Brand("b", "Brand"),
                new ProductSnapshot.Category("c", "Shirts", List.of("c")),
                PRODUCT_PRICE,
                List.of(),
                Map.of(),
                variants,
                Instant.now(),
                Instant.now());
    }
}
