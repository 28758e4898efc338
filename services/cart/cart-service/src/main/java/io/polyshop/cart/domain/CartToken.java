package io.polyshop.cart.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The bearer key of an anonymous cart: 256 random bits, so it cannot be guessed. */
public record CartToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public CartToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidCartRequestException("X-Cart-Token", "is not a cart token");
        }
    }

    public static CartToken generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return new CartToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** Never the token itself: it is a credential. */
    @Override
    public String toString() {
        return "CartToken[" + value.substring(0, 4) + "…]";
    }
}
