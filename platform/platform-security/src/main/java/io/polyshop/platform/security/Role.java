package io.polyshop.platform.security;

import static io.polyshop.platform.security.Permission.CART_OWN;
import static io.polyshop.platform.security.Permission.CART_READ_ANY;
import static io.polyshop.platform.security.Permission.CATALOG_READ_ANY;
import static io.polyshop.platform.security.Permission.INVENTORY_READ_ANY;
import static io.polyshop.platform.security.Permission.NOTIFICATION_OWN;
import static io.polyshop.platform.security.Permission.NOTIFICATION_READ_ANY;
import static io.polyshop.platform.security.Permission.ORDER_OWN;
import static io.polyshop.platform.security.Permission.ORDER_READ_ANY;
import static io.polyshop.platform.security.Permission.PAYMENT_OWN;
import static io.polyshop.platform.security.Permission.PAYMENT_READ_ANY;
import static io.polyshop.platform.security.Permission.USER_READ_ANY;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles a token can carry (DESIGN.md section 6), with the permissions each one grants. Identity
 * keeps the same grants in its {@code role_permission} table, from which it writes tokens; its
 * tests hold the two equal.
 */
public enum Role {
    CUSTOMER(EnumSet.of(CART_OWN, ORDER_OWN, PAYMENT_OWN, NOTIFICATION_OWN)),
    /** Sees everything a customer may ask about, changes nothing. */
    SUPPORT(EnumSet.of(
            CART_READ_ANY,
            ORDER_READ_ANY,
            PAYMENT_READ_ANY,
            NOTIFICATION_READ_ANY,
            CATALOG_READ_ANY,
            INVENTORY_READ_ANY,
            USER_READ_ANY)),
    ADMIN(EnumSet.complementOf(EnumSet.of(CART_OWN, ORDER_OWN, PAYMENT_OWN, NOTIFICATION_OWN)));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
