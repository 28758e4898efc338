package io.polyshop.identity.domain;

/** What a user may do, granted as a whole: each role carries a set of permissions. */
public enum Role {
    CUSTOMER,
    ADMIN,
    SUPPORT
}
