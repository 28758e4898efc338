package io.polyshop.catalog.application;

/**
 * One line of a product import: the draft it holds and whether to publish it, or why it could not
 * be read.
 */
public record ImportLine(long number, ProductDraft draft, boolean publish, String unreadable) {

    public static ImportLine of(long number, ProductDraft draft, boolean publish) {
        return new ImportLine(number, draft, publish, null);
    }

    public static ImportLine unreadable(long number, String reason) {
        return new ImportLine(number, null, false, reason);
    }
}
