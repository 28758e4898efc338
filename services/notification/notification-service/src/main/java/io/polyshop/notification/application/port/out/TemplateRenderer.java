package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationType;
import java.util.List;
import java.util.Map;

/** Turns template text and values into what a channel sends. */
public interface TemplateRenderer {

    /** What is wrong with {@code text} as a template of {@code type}; empty when it is fine. */
    List<String> problems(NotificationType type, String text);

    /**
     * Renders {@code text} with {@code values}; variables are escaped for the channel's markup, and
     * a subject line never spans lines.
     */
    String render(String text, Map<String, Object> values, Channel.Markup markup, boolean singleLine);
}
