package io.polyshop.platform.web;

/**
 * Characters no field of Polyshop's APIs takes: control characters other than tab, line feed and
 * carriage return (a NUL ends a PostgreSQL text, others corrupt logs and e-mails), and the
 * bidirectional embeddings, overrides and isolates that make text show as something it is not.
 */
public final class ControlCharacters {

    static final String REFUSAL = "must not contain control or bidirectional formatting characters";

    private ControlCharacters() {}

    public static boolean in(String text) {
        return first(text) >= 0;
    }

    /** What is wrong with {@code text}, naming the first such character (U+202E), for a client to fix it. */
    static String refusal(String text) {
        return REFUSAL + String.format(" (found U+%04X)", (int) text.charAt(first(text)));
    }

    private static int first(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                return i;
            }
        }
        return -1;
    }
}
