package io.polyshop.notification.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A customer's choices: the channels they do not want, and the locale they read. */
public record Preferences(CustomerId customer, Set<Channel> optedOut, String locale) {

    public Preferences {
        Objects.requireNonNull(customer, "customer");
        optedOut = optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
        TemplateKey.requireLocale(locale);
    }

    /** Until a customer says otherwise: every channel, in the default locale. */
    public static Preferences defaults(CustomerId customer) {
        return new Preferences(customer, Set.of(), TemplateKey.DEFAULT_LOCALE);
    }

    public boolean wants(Channel channel) {
        return !optedOut.contains(channel);
    }
}
