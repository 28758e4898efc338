package io.polyshop.order.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an order's totals come about: a flat shipping fee, waived from a subtotal up, and a tax rate
 * per destination country on lines and shipping together. Orders go only to countries with a rate
 * and only in the supported currencies.
 */
public record PricingPolicy(
        Set<Currency> currencies,
        BigDecimal shippingFee,
        BigDecimal freeShippingFrom,
        Map<String, BigDecimal> taxRates) {

    public PricingPolicy {
        currencies = Set.copyOf(currencies);
        taxRates = Map.copyOf(taxRates);
    }

    public Totals totals(List<OrderLine> lines, ShippingAddress address) {
        if (lines.isEmpty()) {
            throw new OrderRefusedException(OrderRefusedException.Reason.EMPTY_ORDER, "The order has no lines.");
        }
        Currency currency = lines.getFirst().unitPrice().currency();
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
            throw new OrderRefusedException(
                    OrderRefusedException.Reason.CURRENCY_MISMATCH, "All lines of an order must be in one currency.");
        }
        if (!currencies.contains(currency)) {
            throw new OrderRefusedException(
                    OrderRefusedException.Reason.UNSUPPORTED_CURRENCY,
                    "Orders in " + currency.getCurrencyCode() + " are not supported.");
        }
        BigDecimal taxRate = taxRates.get(address.country());
        if (taxRate == null) {
            throw new OrderRefusedException(
                    OrderRefusedException.Reason.NOT_SHIPPED_TO,
                    "The shop does not ship to " + address.country() + ".");
        }
        Money subtotal = lines.stream().map(OrderLine::total).reduce(Money.zero(currency), Money::plus);
        Money shipping = subtotal.isAtLeast(new Money(freeShippingFrom, currency))
                ? Money.zero(currency)
                : new Money(shippingFee, currency);
        Money tax = subtotal.plus(shipping).times(taxRate);
        return new Totals(subtotal, shipping, tax, subtotal.plus(shipping).plus(tax));
    }
}
