package io.polyshop.cart.domain;

import java.math.BigDecimal;

/** An exact amount in an ISO-4217 currency. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("an amount is zero or more");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is three upper-case letters");
        }
    }
}
