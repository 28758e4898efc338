package io.polyshop.commerce.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CommerceRulesTest {

    @Test
    void acceptsCatalogsSkusOnly() {
        assertThat(CommerceRules.isSku("LAMP-001")).isTrue();
        assertThat(CommerceRules.isSku("lamp-001")).isFalse();
        assertThat(CommerceRules.isSku("LAMP.001")).isFalse();
        assertThat(CommerceRules.isSku("AB")).isFalse();
        assertThat(CommerceRules.isSku("A".repeat(65))).isFalse();
        assertThat(CommerceRules.isSku(null)).isFalse();
    }

    @Test
    void boundsQuantitiesAmountsAndTokens() {
        assertThat(CommerceRules.isQuantity(CommerceRules.MAX_QUANTITY)).isTrue();
        assertThat(CommerceRules.isQuantity(CommerceRules.MAX_QUANTITY + 1)).isFalse();
        assertThat(CommerceRules.isQuantity(0)).isFalse();
        assertThat(CommerceRules.isAmount(new BigDecimal("999999999.99"))).isTrue();
        assertThat(CommerceRules.isAmount(new BigDecimal("1000000000"))).isFalse();
        assertThat(CommerceRules.isAmount(new BigDecimal("-0.01"))).isFalse();
        assertThat(CommerceRules.isPaymentToken("tok_visa")).isTrue();
        assertThat(CommerceRules.isPaymentToken("4242424242424242")).isFalse();
    }
}
