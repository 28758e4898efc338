package io.polyshop.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least 12 characters and at most 72 bytes in UTF-8 (all that bcrypt
 * reads: 72 plain letters, fewer accented ones or symbols), letters and at least one digit or
 * symbol, and not built from the account's own address. Length beats composition rules, so there
 * are few of them.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** The rules {@code password} breaks for an account with {@code email}; empty when it is acceptable. */
    public static List<String> violations(String password, EmailAddress email) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            violations.add("must be at least " + MIN_LENGTH + " characters");
            return violations;
        }
        if (!fitsTheHash(password)) {
            violations.add("must be at most " + MAX_BYTES + " bytes in UTF-8 (" + MAX_BYTES
                    + " plain letters, fewer accented letters or symbols)");
        }
        if (password.chars().noneMatch(Character::isLetter)) {
            violations.add("must contain a letter");
        }
        if (password.chars().allMatch(Character::isLetter)) {
            violations.add("must contain a digit or a symbol");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(email.localPart())) {
            violations.add("must not contain the e-mail address");
        }
        return violations;
    }

    /** Whether the hash reads the whole of {@code password}; a longer one can never be an account's. */
    public static boolean fitsTheHash(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
