package io.polyshop.platform.security;

import io.polyshop.platform.web.ResourceNotFoundException;

/**
 * "This resource belongs to customer X": a resource another customer asks for answers 404, exactly
 * like one that does not exist, so its existence does not leak. Staff (admin, support) may see it.
 *
 * <pre>{@code
 * Cart cart = carts.find(id).orElseThrow(() -> new ResourceNotFoundException("cart", id));
 * Ownership.requireOwner(cart.customerId(), "cart", id);
 * }</pre>
 */
public final class Ownership {

    private Ownership() {}

    public static void requireOwner(String ownerId, String resource, Object id) {
        Caller caller = Caller.current().orElseThrow(() -> new ResourceNotFoundException(resource, id));
        if (!caller.isStaff() && !caller.id().equals(ownerId)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }
}
