package io.polyshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void carriesAsManyDecimalsAsItsCurrencyHas() {
        assertThat(Money.of(new BigDecimal("5"), "EUR").amount()).isEqualByComparingTo("5.00");
        assertThat(Money.of(new BigDecimal("5"), "EUR").amount().scale()).isEqualTo(2);
        assertThat(Money.of(new BigDecimal("500"), "JPY").amount().scale()).isZero();
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyAllows() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("5.001"), "EUR"))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("more decimals than EUR allows");
        assertThatThrownBy(() -> Money.of(new BigDecimal("5.5"), "JPY")).isInstanceOf(InvalidPaymentException.class);
    }

    @Test
    void refusesNothingAndLessThanNothing() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ZERO, "EUR"))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessage("amount: must be greater than zero");
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "EUR")).isInstanceOf(InvalidPaymentException.class);
    }

    @Test
    void refusesACurrencyThatIsNotAnIso4217Code() {
        assertThatThrownBy(() -> Money.of(BigDecimal.TEN, "eur"))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("ISO 4217 code");
        assertThatThrownBy(() -> Money.of(BigDecimal.TEN, "XYZ"))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("is not an ISO 4217 currency");
    }
}
