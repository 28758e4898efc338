package io.polyshop.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.commerce.api.CommerceRules;
import org.junit.jupiter.api.Test;

class CartLimitsTest {

    @Test
    void neverLetsACartHoldMoreThanAnOrderTakes() {
        assertThat(new CartLimits(CommerceRules.MAX_LINES, CommerceRules.MAX_QUANTITY).maxLines())
                .isEqualTo(40);
        assertThatThrownBy(() -> new CartLimits(CommerceRules.MAX_LINES + 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 40");
        assertThatThrownBy(() -> new CartLimits(10, CommerceRules.MAX_QUANTITY + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 999");
    }

    @Test
    void takesAQuantityFromOneToTheLimit() {
        CartLimits limits = new CartLimits(10, 5);

        assertThat(limits.checkQuantity(1)).isEqualTo(1);
        assertThat(limits.checkQuantity(5)).isEqualTo(5);
    }

    @Test
    void refusesAMissingZeroOrTooLargeQuantityNamingTheField() {
        CartLimits limits = new CartLimits(10, 5);

        assertThatThrownBy(() -> limits.checkQuantity(null))
                .isInstanceOf(InvalidCartRequestException.class)
                .hasMessage("quantity: is required");
        assertThatThrownBy(() -> limits.checkQuantity(0)).hasMessage("quantity: must be between 1 and 5");
        assertThatThrownBy(() -> limits.checkQuantity(6)).hasMessage("quantity: must be between 1 and 5");
    }

    @Test
    void refusesASkuCatalogWouldNotWrite() {
        assertThatThrownBy(() -> new Sku("no spaces allowed"))
                .isInstanceOf(InvalidCartRequestException.class)
                .extracting(invalid -> ((InvalidCartRequestException) invalid)
                        .violations()
                        .getFirst()
                        .field())
                .isEqualTo("sku");
        assertThat(new Sku("LAP-0001").value()).isEqualTo("LAP-0001");
    }
}
