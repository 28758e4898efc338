package io.polyshop.catalog.domain;

import io.polyshop.commerce.api.CommerceRules;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A non-negative, exact amount in an ISO-4217 currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Checks an amount and currency code as a client sent them; {@code field} names them in violations. */
    public static Money parse(String field, BigDecimal amount, String currencyCode, Violations violations) {
        Currency currency = currency(field + ".currency", currencyCode, violations);
        if (amount == null) {
            violations.add(field + ".amount", "is required");
            return null;
        }
        if (amount.signum() < 0) {
            violations.add(field + ".amount", "must not be negative");
            return null;
        }
        if (amount.compareTo(CommerceRules.AMOUNT_LIMIT) >= 0) {
            violations.add(field + ".amount", CommerceRules.AMOUNT_RULE);
            return null;
        }
        if (currency == null) {
            return null;
        }
        BigDecimal normalized = amount.stripTrailingZeros();
        if (normalized.scale() > currency.getDefaultFractionDigits()) {
            violations.add(
                    field + ".amount",
                    currency.getCurrencyCode() + " amounts have at most " + currency.getDefaultFractionDigits()
                            + " decimals");
            return null;
        }
        return new Money(amount.setScale(currency.getDefaultFractionDigits()), currency);
    }

    private static Currency currency(String field, String code, Violations violations) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            violations.add(field, "must be an ISO-4217 code such as EUR");
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                violations.add(field, "is not a currency prices can be in");
                return null;
            }
            return currency;
        } catch (IllegalArgumentException unknown) {
            violations.add(field, "is not a known ISO-4217 currency");
            return null;
        }
    }
}
