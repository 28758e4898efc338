package io.polyshop.catalog.application;

/**
 * One line of a product import: the draft it holds and the status it asks for, or why it could
 * not be read.
 */
public record ImportLine(long number, ProductDraft draft, Status status, String unreadable) {

    /** What the line asks for: keep a draft, publish, or withdraw (only the SKU matters then). */
    public enum Status {
        DRAFT,
        ACTIVE,
        ARCHIVED
    }

    public static ImportLine of(long number, ProductDraft draft, Status status) {
        return new ImportLine(number, draft, status, null);
    }

    public static ImportLine unreadable(long number, String reason) {
        return new ImportLine(number, null, null, reason);
    }
}
