package io.polyshop.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricedCartTest {

    private static final Sku LAPTOP = new Sku("LAP-0001");
    private static final Sku MOUSE = new Sku("MOU-0001");

    private static Cart cart(CartLine... lines) {
        return new Cart(new CartOwner.Customer("customer-1"), List.of(lines), Instant.parse("2026-12-06T00:00:00Z"));
    }

    private static CartLine line(Sku sku, int quantity, String priceWhenAdded) {
        return new CartLine(sku, quantity, new Money(new BigDecimal(priceWhenAdded), "EUR"));
    }

    private static ProductPrice price(Sku sku, String amount, boolean purchasable) {
        return new ProductPrice(
                sku, "p-" + sku, "Name of " + sku, new Money(new BigDecimal(amount), "EUR"), purchasable, 1);
    }

    @Test
    void totalsEveryLineAtTodaysPrice() {
        PricedCart priced = PricedCart.of(
                cart(line(LAPTOP, 2, "899.00"), line(MOUSE, 1, "19.90")),
                Map.of(LAPTOP, price(LAPTOP, "849.00", true), MOUSE, price(MOUSE, "19.90", true)));

        assertThat(priced.subtotal()).isEqualByComparingTo("1717.90");
        assertThat(priced.itemCount()).isEqualTo(3);
        assertThat(priced.currency()).isEqualTo("EUR");
    }

    @Test
    void tellsWhichLineChangedPriceSinceItWasAdded() {
        PricedCart priced = PricedCart.of(
                cart(line(LAPTOP, 1, "899.00"), line(MOUSE, 1, "19.90")),
                Map.of(LAPTOP, price(LAPTOP, "849.00", true), MOUSE, price(MOUSE, "19.90", true)));

        assertThat(priced.hasChanges()).isTrue();
        assertThat(priced.lines())
                .extracting(PricedCart.PricedLine::priceChanged)
                .containsExactly(true, false);
    }

    @Test
    void aWithdrawnOrUnknownSkuCountsForNothingAndIsAChange() {
        PricedCart priced = PricedCart.of(
                cart(line(LAPTOP, 1, "899.00"), line(MOUSE, 3, "19.90")),
                Map.of(LAPTOP, price(LAPTOP, "899.00", false)));

        assertThat(priced.subtotal()).isEqualByComparingTo("0");
        assertThat(priced.hasChanges()).isTrue();
        assertThat(priced.lines()).extracting(PricedCart.PricedLine::available).containsExactly(false, false);
        assertThat(priced.lines().get(1).unitPrice()).isEqualByComparingTo("19.90");
    }

    @Test
    void anEmptyCartHasNoCurrencyAndNothingToChange() {
        PricedCart priced = PricedCart.of(cart(), Map.of());

        assertThat(priced.currency()).isNull();
        assertThat(priced.subtotal()).isEqualByComparingTo("0");
        assertThat(priced.hasChanges()).isFalse();
    }
}
