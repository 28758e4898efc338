package io.polyshop.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token allows, as {@code resource:action}: {@code own} (one's own carts, orders, ...),
 * {@code read-any} and {@code write-any} (anybody's), and a few single actions. Identity writes
 * the caller's permissions into the token's {@code permissions} claim from its role table; every
 * service checks them at the use case, so that a read-only role cannot write.
 */
public enum Permission {
    CART_OWN("cart", "own"),
    CART_READ_ANY("cart", "read-any"),
    CART_WRITE_ANY("cart", "write-any"),
    ORDER_OWN("order", "own"),
    ORDER_READ_ANY("order", "read-any"),
    ORDER_WRITE_ANY("order", "write-any"),
    PAYMENT_OWN("payment", "own"),
    PAYMENT_READ_ANY("payment", "read-any"),
    NOTIFICATION_OWN("notification", "own"),
    NOTIFICATION_READ_ANY("notification", "read-any"),
    NOTIFICATION_WRITE_ANY("notification", "write-any"),
    CATALOG_READ_ANY("catalog", "read-any"),
    CATALOG_WRITE_ANY("catalog", "write-any"),
    INVENTORY_READ_ANY("inventory", "read-any"),
    INVENTORY_WRITE_ANY("inventory", "write-any"),
    SEARCH_WRITE_ANY("search", "write-any"),
    USER_READ_ANY("user", "read-any"),
    ROLE_GRANT("role", "grant"),
    SIGNING_KEY_ROTATE("signing-key", "rotate"),
    PLATFORM_OPERATE("platform", "operate");

    private final String resource;
    private final String action;

    Permission(String resource, String action) {
        this.resource = resource;
        this.action = action;
    }

    public String resource() {
        return resource;
    }

    public String action() {
        return action;
    }

    /** The claim's spelling and Spring Security's authority, e.g. {@code order:read-any}. */
    public String authority() {
        return resource + ":" + action;
    }

    public static Optional<Permission> ofAuthority(String authority) {
        return Arrays.stream(values())
                .filter(permission -> permission.authority().equals(authority))
                .findFirst();
    }
}
