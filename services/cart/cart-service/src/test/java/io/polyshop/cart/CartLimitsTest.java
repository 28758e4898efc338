package io.polyshop.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.cart.domain.CartLimits;
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
}
