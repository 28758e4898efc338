package io.polyshop.platform.test;

import java.util.concurrent.ThreadLocalRandom;

/** Words no other test uses, for finding one's own data by full-text search. */
public final class TestWords {

    private TestWords() {}

    /** {@code prefix} followed by eight random lower-case letters (no digits: analyzers split on them). */
    public static String unique(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
