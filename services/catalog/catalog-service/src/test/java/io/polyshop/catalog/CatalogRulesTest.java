package io.polyshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.catalog.domain.AttributeDefinition;
import io.polyshop.catalog.domain.AttributeType;
import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.CategoryPath;
import io.polyshop.catalog.domain.Money;
import io.polyshop.catalog.domain.Violations;
import io.polyshop.platform.domain.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    private final Category computers = new Category(
            new CategoryId("computers"),
            "Computers",
            null,
            List.of(new AttributeDefinition("warrantyYears", AttributeType.INTEGER, true, List.of())));
    private final Category laptops = new Category(
            new CategoryId("laptops"),
            "Laptops",
            computers.id(),
            List.of(
                    new AttributeDefinition("ramGb", AttributeType.INTEGER, true, List.of()),
                    new AttributeDefinition("colour", AttributeType.TEXT, false, List.of("black", "silver"))));
    private final CategoryPath path = new CategoryPath(List.of(computers, laptops));

    @Test
    void keepsMoneyExactAtTheCurrencysScale() {
        Violations violations = new Violations();

        Money price = Money.parse("price", new BigDecimal("12.5"), "EUR", violations);
        Money yen = Money.parse("price", new BigDecimal("1200"), "JPY", violations);

        assertThat(violations.list()).isEmpty();
        assertThat(price.amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(yen.amount()).isEqualTo(new BigDecimal("1200"));
    }

    @Test
    void refusesAmountsThatDoNotFitTheCurrency() {
        Violations violations = new Violations();

        Money.parse("a", new BigDecimal("1.5"), "JPY", violations);
        Money.parse("b", new BigDecimal("-0.01"), "EUR", violations);
        Money.parse("c", new BigDecimal("1.00"), "XXX", violations);
        Money.parse("d", new BigDecimal("1.00"), "eur", violations);

        assertThat(violations.list())
                .extracting(Violation::field)
                .containsExactly("a.amount", "b.amount", "c.currency", "d.currency");
    }

    @Test
    void checksAttributesAgainstTheCategoryAndItsAncestors() {
        Violations violations = new Violations();

        Map<String, Object> checked =
                path.check("attributes", Map.of("ramGb", 16, "colour", "gold", "wheels", 4), violations);

        assertThat(checked).containsEntry("ramGb", 16L);
        assertThat(violations.list())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("attributes.colour", "attributes", "attributes.warrantyYears");
    }
}
