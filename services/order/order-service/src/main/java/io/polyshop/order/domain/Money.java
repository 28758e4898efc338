package io.polyshop.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An exact, non-negative amount in an ISO 4217 currency, kept at the currency's decimals. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("an amount and a currency are required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("money is never negative: " + amount);
        }
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** This amount times {@code rate}, rounded half up to the currency's decimals. */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate), currency);
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) >= 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
        }
    }
}
