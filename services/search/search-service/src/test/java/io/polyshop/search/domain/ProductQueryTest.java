package io.polyshop.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductQueryTest {

    private static ProductQuery text(String text, SortOrder sort) {
        return new ProductQuery(text, null, null, null, null, null, sort, 0, 20, null);
    }

    private static ProductQuery page(int page, int size) {
        return new ProductQuery("laptop", null, null, null, null, null, null, page, size, null);
    }

    @Test
    void withoutTextRelevanceMeansNewestFirst() {
        assertThat(text("   ", SortOrder.RELEVANCE).sort()).isEqualTo(SortOrder.NEWEST);
        assertThat(text(null, null).sort()).isEqualTo(SortOrder.NEWEST);
        assertThat(text("laptop", null).sort()).isEqualTo(SortOrder.RELEVANCE);
    }

    @Test
    void stripsTheTextAndCountsBlankAsNone() {
        assertThat(text("  thin laptop ", null).text()).isEqualTo("thin laptop");
        assertThat(text(" ", null).text()).isNull();
    }

    @Test
    void pagesOnlyAsDeepAsTheIndexAnswers() {
        assertThat(page(99, 100).page()).isEqualTo(99);
        assertThatThrownBy(() -> page(100, 100))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("page: reaches past the first 10000 hits");
        assertThatThrownBy(() -> page(-1, 20)).hasMessage("page: must be 0 or more");
        assertThatThrownBy(() -> page(0, 101)).hasMessage("size: must be between 1 and 100");
    }

    @Test
    void refusesAPriceRangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new ProductQuery(
                        null, null, null, new BigDecimal("100"), new BigDecimal("50"), null, null, 0, 20, null))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("maxPrice: must not be below minPrice");
    }

    @Test
    void refusesIdsAndAttributeNamesTheCatalogCannotHave() {
        assertThatThrownBy(() -> new ProductQuery(null, "Laptops!", null, null, null, null, null, 0, 20, null))
                .hasMessage("category: must be a category id");
        assertThatThrownBy(() ->
                        new ProductQuery(null, null, List.of("acme", "Not An Id"), null, null, null, null, 0, 20, null))
                .hasMessage("brand: must be up to 20 brand ids");
        assertThatThrownBy(() -> new ProductQuery(
                        null, null, null, null, null, Map.of("ram gb", List.of("16")), null, 0, 20, null))
                .hasMessageContaining("attr: must be up to 10 attribute names");
    }

    @Test
    void readsTheSortParameterOrNamesTheChoices() {
        assertThat(SortOrder.parse("price_asc")).isEqualTo(SortOrder.PRICE_ASC);
        assertThat(SortOrder.parse(null)).isEqualTo(SortOrder.RELEVANCE);
        assertThatThrownBy(() -> SortOrder.parse("cheapest"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("sort: must be one of");
    }
}
