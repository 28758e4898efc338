package io.polyshop.notification.domain;

import java.util.List;
import java.util.Map;

/**
 * A value a template of some notification type may show: text, or a list whose items carry the
 * {@code itemFields} (shown inside a {@code {{#name}}...{{/name}}} section). {@code sample} is what
 * a preview shows.
 */
public record Variable(String name, List<String> itemFields, Object sample) {

    public static Variable text(String name, String sample) {
        return new Variable(name, List.of(), sample);
    }

    public static Variable list(String name, List<Map<String, String>> sample) {
        return new Variable(name, List.copyOf(sample.getFirst().keySet()), sample);
    }

    public boolean isList() {
        return !itemFields.isEmpty();
    }
}
