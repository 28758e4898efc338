package io.polyshop.notification.domain;

/** A way to reach a customer, and the markup its content is written in. */
public enum Channel {
    EMAIL(Markup.HTML),
    WEBHOOK(Markup.PLAIN_TEXT);

    /** HTML content escapes every variable it shows; plain text shows them as they are. */
    public enum Markup {
        HTML,
        PLAIN_TEXT
    }

    private final Markup markup;

    Channel(Markup markup) {
        this.markup = markup;
    }

    public Markup markup() {
        return markup;
    }
}
