package io.polyshop.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the user typed it, NFKC-normalised (see {@link TypedText}); {@link #key()} is
 * what makes it unique, ignoring case.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public EmailAddress {
        if (value == null) {
            throw new InvalidFieldException("email", "is not an e-mail address");
        }
        value = TypedText.normalised("email", value);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidFieldException("email", "is not an e-mail address");
        }
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        return key().substring(0, key().indexOf('@'));
    }
}
