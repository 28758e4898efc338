package io.polyshop.notification.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** Which template: one per notification type, channel and locale (a language, maybe with a region). */
public record TemplateKey(NotificationType type, Channel channel, String locale) {

    /** The locale every type and channel has a template for; others fall back to it. */
    public static final String DEFAULT_LOCALE = "en";

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    public TemplateKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        requireLocale(locale);
    }

    public static String requireLocale(String locale) {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw new InvalidNotificationException("locale", "must be a language such as en or a locale such as de-CH");
        }
        return locale;
    }

    public TemplateKey inDefaultLocale() {
        return new TemplateKey(type, channel, DEFAULT_LOCALE);
    }

    @Override
    public String toString() {
        return type + "/" + channel + "/" + locale;
    }
}
