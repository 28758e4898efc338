package io.polyshop.cart.application;

import io.polyshop.cart.application.port.out.AnonymousCartQuotas;
import io.polyshop.cart.application.port.out.Carts;
import io.polyshop.cart.application.port.out.Prices;
import io.polyshop.cart.domain.Cart;
import io.polyshop.cart.domain.CartLine;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.CartRefusedException;
import io.polyshop.cart.domain.CartRefusedException.Reason;
import io.polyshop.cart.domain.CartToken;
import io.polyshop.cart.domain.PricedCart;
import io.polyshop.cart.domain.ProductPrice;
import io.polyshop.cart.domain.Sku;
import java.util.List;
import java.util.Map;

/**
 * The shopper's cart: add, change, remove, look, and merge the anonymous cart in after signing in.
 * Prices come from the local read model, never from a call to catalog.
 */
public class ShoppingCarts {

    private final Carts carts;
    private final Prices prices;
    private final CartPolicy policy;
    private final AnonymousCartQuotas quotas;

    public ShoppingCarts(Carts carts, Prices prices, CartPolicy policy, AnonymousCartQuotas quotas) {
        this.carts = carts;
        this.prices = prices;
        this.policy = policy;
        this.quotas = quotas;
    }

    /** A new anonymous cart for the visitor at {@code clientAddress}, within that address's quota. */
    public CartOwner.Anonymous startAnonymous(String clientAddress) {
        quotas.take(clientAddress).ifPresent(wait -> {
            throw new TooManyCartsException(wait);
        });
        CartOwner.Anonymous owner = new CartOwner.Anonymous(CartToken.generate());
        carts.create(owner, policy.anonymousTtl());
        return owner;
    }

    public PricedCart view(CartOwner owner) {
        return price(carts.find(owner, policy.ttlOf(owner)).orElseThrow(() -> unknown(owner)));
    }

    public PricedCart add(CartOwner owner, Sku sku, Integer quantity) {
        int units = policy.limits().checkQuantity(quantity);
        ProductPrice price = prices.find(List.of(sku)).get(sku);
        if (price == null) {
            throw new CartRefusedException(Reason.UNKNOWN_SKU, "sku", sku + " is not a product in the catalog");
        }
        if (!price.purchasable()) {
            throw new CartRefusedException(Reason.NOT_AVAILABLE, "sku", sku + " is no longer sold");
        }
        return priced(
                owner,
                carts.add(owner, new CartLine(sku, units, price.price()), policy.limits(), policy.ttlOf(owner)),
                sku);
    }

    public PricedCart setQuantity(CartOwner owner, Sku sku, Integer quantity) {
        int units = policy.limits().checkQuantity(quantity);
        return priced(owner, carts.setQuantity(owner, sku, units, policy.ttlOf(owner)), sku);
    }

    public PricedCart remove(CartOwner owner, Sku sku) {
        return priced(owner, carts.remove(owner, sku, policy.ttlOf(owner)), sku);
    }

    /** Moves the anonymous cart's lines into the customer's; returns the result and what was cut. */
    public MergedCart merge(CartOwner.Anonymous from, CartOwner.Customer into) {
        List<String> notices =
                carts.merge(from, into, policy.limits(), policy.customerTtl()).orElseThrow(() -> unknown(from));
        return new MergedCart(view(into), notices);
    }

    public record MergedCart(PricedCart cart, List<String> notices) {}

    /** An order took these lines from the customer's cart; a repeated event changes nothing. */
    public boolean letGo(CartOwner.Customer owner, String orderId, Map<Sku, Integer> ordered) {
        return carts.letGo(owner, orderId, ordered, policy.customerTtl());
    }

    private PricedCart price(Cart cart) {
        Map<Sku, ProductPrice> current =
                prices.find(cart.lines().stream().map(CartLine::sku).toList());
        return PricedCart.of(cart, current);
    }

    /** The changed cart at current prices, or the refusal as the exception that explains it. */
    private PricedCart priced(CartOwner owner, Carts.Change change, Sku sku) {
        return switch (change) {
            case Carts.Change.Done(Cart cart) -> price(cart);
            case Carts.Change.Refused(Carts.Refusal reason) -> throw refusal(owner, reason, sku);
        };
    }

    private RuntimeException refusal(CartOwner owner, Carts.Refusal reason, Sku sku) {
        return switch (reason) {
            case NO_CART -> unknown(owner);
            case NO_LINE -> new UnknownCartException("a line for " + sku + " in this cart");
            case TOO_MANY_LINES ->
                new CartRefusedException(
                        Reason.TOO_MANY_LINES,
                        "sku",
                        "a cart holds at most " + policy.limits().maxLines() + " different products");
            case QUANTITY_LIMIT ->
                new CartRefusedException(
                        Reason.QUANTITY_LIMIT,
                        "quantity",
                        "a line holds at most " + policy.limits().maxQuantity() + " units of " + sku);
            case CURRENCY_MISMATCH ->
                new CartRefusedException(
                        Reason.CURRENCY_MISMATCH, "sku", sku + " is priced in another currency than this cart");
        };
    }

    private static UnknownCartException unknown(CartOwner owner) {
        return new UnknownCartException(owner instanceof CartOwner.Customer ? "the cart" : "the anonymous cart");
    }
}
