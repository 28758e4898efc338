package io.polyshop.cart.adapter.in.web;

import io.polyshop.cart.api.CartLineView;
import io.polyshop.cart.api.CartView;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.PricedCart;
import io.polyshop.cart.domain.PricedCart.PricedLine;
import java.util.List;

/** A priced cart in the published response shape. */
final class CartViews {

    private CartViews() {}

    static CartView of(PricedCart cart, List<String> notices) {
        String cartId = cart.cart().owner() instanceof CartOwner.Customer customer ? customer.customerId() : null;
        return new CartView(
                cartId,
                cart.lines().stream().map(CartViews::line).toList(),
                cart.itemCount(),
                cart.subtotal(),
                cart.currency(),
                cart.hasChanges(),
                notices,
                cart.cart().expiresAt());
    }

    static CartView of(PricedCart cart) {
        return of(cart, List.of());
    }

    private static CartLineView line(PricedLine line) {
        return new CartLineView(
                line.line().sku().value(),
                line.current().map(price -> price.productId()).orElse(null),
                line.current().map(price -> price.name()).orElse(null),
                line.line().quantity(),
                line.line().priceWhenAdded().amount(),
                line.unitPrice(),
                line.priceChanged(),
                line.available(),
                line.total());
    }
}
