package io.polyshop.payment.domain;

import io.polyshop.commerce.api.CommerceRules;
import java.math.BigDecimal;
import java.util.Currency;

/** A positive amount in an ISO 4217 currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        if (currency == null) {
            throw new InvalidPaymentException("currency", "is required");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidPaymentException("amount", "must be greater than zero");
        }
        if (!CommerceRules.isAmount(amount)) {
            throw new InvalidPaymentException("amount", CommerceRules.AMOUNT_RULE);
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidPaymentException(
                    "amount", "has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    private static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidPaymentException("currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidPaymentException("currency", "is not an ISO 4217 currency: " + code);
        }
    }
}
