package io.polyshop.commerce.api;

public final class CommerceRules {
    public static final int MAX_QUANTITY = 999;

    private CommerceRules() {}
}
