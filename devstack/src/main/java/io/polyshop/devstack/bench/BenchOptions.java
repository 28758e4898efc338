package io.polyshop.devstack.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark command, with defaults and a usage line on mistakes. */
final class BenchOptions {

    private final Map<String, String> given;
    private final String usage;

    private BenchOptions(Map<String, String> given, String usage) {
        this.given = given;
        this.usage = usage;
    }

    static BenchOptions parse(String[] args, String usage) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail(usage);
            }
            given.put(args[i].substring(2), args[++i]);
        }
        return new BenchOptions(given, usage);
    }

    int number(String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--" + name + " takes a whole number, not '" + value + "'\n" + usage);
            return fallback;
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
