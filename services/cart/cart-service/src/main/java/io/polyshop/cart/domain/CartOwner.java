package io.polyshop.cart.domain;

/** Whose cart: a signed-in customer's (one each) or an anonymous visitor's (one per token). */
public sealed interface CartOwner {

    record Customer(String customerId) implements CartOwner {

        public Customer {
            if (customerId == null || customerId.isBlank() || customerId.length() > 128) {
                throw new InvalidCartRequestException("customerId", "is not a customer id");
            }
        }
    }

    record Anonymous(CartToken token) implements CartOwner {}
}
