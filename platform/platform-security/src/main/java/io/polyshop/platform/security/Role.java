package io.polyshop.platform.security;

/** The roles a token can carry (DESIGN.md section 6). */
public enum Role {
    CUSTOMER,
    ADMIN,
    SUPPORT;

    /** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
