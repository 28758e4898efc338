package io.polyshop.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final int SAMPLE = 20_000;

    private final Map<String, DemoCatalog.CategoryDefinition> categories = DemoCatalog.categories().stream()
            .collect(Collectors.toMap(DemoCatalog.CategoryDefinition::id, category -> category));

    @Test
    void spansAtLeastEightCategoriesEachWithItsOwnAttributes() {
        List<DemoCatalog.CategoryDefinition> leaves = DemoCatalog.categories().stream()
                .filter(category -> !category.attributes().isEmpty())
                .toList();

        assertThat(leaves).hasSizeGreaterThanOrEqualTo(8);
        assertThat(leaves).allSatisfy(category -> assertThat(categories).containsKey(category.parentId()));
        assertThat(DemoCatalog.brands()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void generatesProductsThatSatisfyTheirCategoryDefinitions() {
        for (int i = 0; i < SAMPLE; i += 7) {
            Map<String, Object> product = DemoCatalog.product(i, true);
            DemoCatalog.CategoryDefinition category = categories.get((String) product.get("categoryId"));
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) product.get("attributes");
            for (Map<String, Object> definition : category.attributes()) {
                String name = (String) definition.get("name");
                if (Boolean.TRUE.equals(definition.get("required"))) {
                    assertThat(attributes).as(product.get("sku") + " " + name).containsKey(name);
                }
                if (attributes.containsKey(name)) {
                    assertFits(definition, attributes.get(name), product.get("sku") + "." + name);
                }
            }
            assertThat(attributes.keySet())
                    .as("only declared attributes")
                    .isSubsetOf(category.attributes().stream()
                            .map(definition -> (String) definition.get("name"))
                            .toList());
            @SuppressWarnings("unchecked")
            Map<String, Object> price = (Map<String, Object>) product.get("price");
            assertThat((BigDecimal) price.get("amount")).isPositive().hasScaleOf(2);
        }
    }

    private static void assertFits(Map<String, Object> definition, Object value, String what) {
        switch ((String) definition.get("type")) {
            case "INTEGER" -> assertThat(value).as(what).isInstanceOf(Integer.class);
            case "DECIMAL" -> assertThat(value).as(what).isInstanceOfAny(BigDecimal.class, Integer.class);
            case "BOOLEAN" -> assertThat(value).as(what).isInstanceOf(Boolean.class);
            default -> {
                assertThat(value).as(what).isInstanceOf(String.class);
                if (definition.containsKey("allowedValues")) {
                    assertThat(((List<?>) definition.get("allowedValues")).contains(value))
                            .as(what + " is one of the allowed values")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void givesEveryProductAndVariantItsOwnSkuAndSlugAndTheSameOnEveryRun() {
        Set<Object> skus = new HashSet<>();
        Set<Object> slugs = new HashSet<>();
        for (int i = 0; i < SAMPLE; i++) {
            Map<String, Object> product = DemoCatalog.product(i, true);
            assertThat(skus.add(product.get("sku"))).isTrue();
            assertThat(slugs.add(product.get("slug"))).isTrue();
            for (Object variant : (List<?>) product.get("variants")) {
                assertThat(skus.add(((Map<?, ?>) variant).get("sku"))).isTrue();
            }
        }
        assertThat(DemoCatalog.product(4242, true)).isEqualTo(DemoCatalog.product(4242, true));
        assertThat(DemoCatalog.product(4242, true).get("name"))
                .isNotEqualTo(DemoCatalog.product(4252, true).get("name"));
    }

    @Test
    void readsTheNumberBackFromADemoSku() {
        assertThat(DemoCatalog.index((String) DemoCatalog.product(123_456, true).get("sku")))
                .isEqualTo(123_456);
        assertThat(DemoCatalog.index("LAP-ACME-1")).isEqualTo(-1);
        assertThat(DemoCatalog.index("BENCH-PROBEABCDEFGH-7")).isEqualTo(-1);
    }
}
