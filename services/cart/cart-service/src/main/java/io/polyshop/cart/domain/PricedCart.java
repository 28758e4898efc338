package io.polyshop.cart.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cart held against current prices: which lines changed price, which can no longer be bought. */
public record PricedCart(Cart cart, List<PricedLine> lines, BigDecimal subtotal, String currency) {

    public record PricedLine(CartLine line, Optional<ProductPrice> current) {

        public boolean available() {
            return current.isPresent() && current.get().purchasable();
        }

        public boolean priceChanged() {
            return current.isPresent()
                    && current.get()
                                    .price()
                                    .amount()
                                    .compareTo(line.priceWhenAdded().amount())
                            != 0;
        }

        public BigDecimal unitPrice() {
            return current.map(price -> price.price().amount())
                    .orElse(line.priceWhenAdded().amount());
        }

        public BigDecimal total() {
            return available() ? unitPrice().multiply(BigDecimal.valueOf(line.quantity())) : BigDecimal.ZERO;
        }
    }

    public static PricedCart of(Cart cart, Map<Sku, ProductPrice> prices) {
        List<PricedLine> lines = cart.lines().stream()
                .map(line -> new PricedLine(line, Optional.ofNullable(prices.get(line.sku()))))
                .toList();
        BigDecimal subtotal = lines.stream().map(PricedLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = cart.lines().isEmpty()
                ? null
                : cart.lines().getFirst().priceWhenAdded().currency();
        return new PricedCart(cart, lines, subtotal, currency);
    }

    public boolean hasChanges() {
        return lines.stream().anyMatch(line -> line.priceChanged() || !line.available());
    }

    public int itemCount() {
        return lines.stream().mapToInt(line -> line.line().quantity()).sum();
    }
}
