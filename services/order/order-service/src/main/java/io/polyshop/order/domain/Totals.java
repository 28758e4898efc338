package io.polyshop.order.domain;

/** What the order costs: lines, shipping, tax on both, and everything together. */
public record Totals(Money subtotal, Money shipping, Money tax, Money grandTotal) {}
