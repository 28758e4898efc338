package io.polyshop.cart.application.port.out;

import io.polyshop.cart.domain.Cart;
import io.polyshop.cart.domain.CartLimits;
import io.polyshop.cart.domain.CartLine;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.Sku;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carts in their store. Every change is one atomic operation on the store (no read-modify-write),
 * refreshes the cart's time to live, and reports what stopped it.
 */
public interface Carts {

    /** The cart, its time to live refreshed; a customer's cart exists (empty) until it has lines. */
    Optional<Cart> find(CartOwner owner, Duration ttl);

    /** Starts an empty anonymous cart. */
    Cart create(CartOwner.Anonymous owner, Duration ttl);

    /** Adds to the line of {@code line.sku()} (or starts it at {@code line.priceWhenAdded()}). */
    Change add(CartOwner owner, CartLine line, CartLimits limits, Duration ttl);

    Change setQuantity(CartOwner owner, Sku sku, int quantity, Duration ttl);

    Change remove(CartOwner owner, Sku sku, Duration ttl);

    /** How a change went: the cart as it is afterwards, or why it was refused and nothing changed. */
    sealed interface Change {

        record Done(Cart cart) implements Change {}

        record Refused(Refusal reason) implements Change {}
    }

    /**
     * Moves every line of {@code from} into {@code into} (quantities add, limits respected) and
     * deletes {@code from}; returns what had to be cut.
     */
    Optional<List<String>> merge(CartOwner.Anonymous from, CartOwner.Customer into, CartLimits limits, Duration ttl);

    /** Takes an order's lines out of the customer's cart, once per order id. */
    boolean letGo(CartOwner.Customer owner, String orderId, Map<Sku, Integer> ordered, Duration ttl);

    enum Refusal {
        NO_CART,
        NO_LINE,
        TOO_MANY_LINES,
        QUANTITY_LIMIT,
        CURRENCY_MISMATCH
    }
}
