package io.polyshop.identity.domain;

import java.text.Normalizer;

/**
 * Text a person typed, in the one form it is stored and compared in: NFKC (so that a full-width or
 * ligature spelling is the same name or address as the plain one), without surrounding blanks.
 * Invisible characters are refused rather than kept: control characters, bidirectional overrides
 * and isolates, zero-width and other format characters, line separators, lone surrogates and
 * unassigned code points — each can make one string show as another.
 */
final class TypedText {

    private TypedText() {}

    static String normalised(String field, String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        text.codePoints().filter(TypedText::isInvisible).findFirst().ifPresent(codePoint -> {
            throw new InvalidFieldException(
                    field, "must not contain control or invisible characters (found U+%04X)".formatted(codePoint));
        });
        return text;
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
