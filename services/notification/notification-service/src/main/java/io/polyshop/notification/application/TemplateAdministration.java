package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.TemplateRenderer;
import io.polyshop.notification.application.port.out.Templates;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.Template;
import io.polyshop.notification.domain.TemplateKey;
import io.polyshop.platform.domain.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Templates as administrators keep them: every template is checked before it is stored (syntax,
 * variables the type has, no unescaped output), so one that is refused leaves nothing behind.
 */
public class TemplateAdministration {

    /** A template rendered with its type's sample values. */
    public record Preview(String subject, String body) {}

    private final Templates templates;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public TemplateAdministration(Templates templates, TemplateRenderer renderer, Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.clock = clock;
    }

    public List<Template> all() {
        return templates.all();
    }

    public Template template(TemplateKey key) {
        return templates.find(key).orElseThrow(() -> new UnknownResourceException("template", key));
    }

    public Template create(TemplateKey key, String subject, String body) {
        Template template = checked(new Template(key, subject, body, 1, clock.instant()));
        if (!templates.add(template)) {
            throw new TemplateConflictException("A template for " + key + " exists; change it with PUT");
        }
        return template;
    }

    /** Changes a template; {@code expectedVersion}, when given, must be the version the caller read. */
    public Template update(TemplateKey key, String subject, String body, Optional<Long> expectedVersion) {
        Template current = template(key);
        if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
            throw new TemplateConflictException("The template for " + key + " is at version " + current.version()
                    + ", not " + expectedVersion.get());
        }
        Template changed = checked(current.changedTo(subject, body, clock.instant()));
        if (!templates.replace(changed, current.version())) {
            throw new TemplateConflictException("The template for " + key + " changed meanwhile; read it again");
        }
        return changed;
    }

    public Preview preview(TemplateKey key, String subject, String body) {
        Template template = checked(new Template(key, subject, body, 1, clock.instant()));
        var values = key.type().sampleValues();
        return new Preview(
                renderer.render(template.subject(), values, Channel.Markup.PLAIN_TEXT, true),
                renderer.render(template.body(), values, key.channel().markup(), false));
    }

    /** Adds the shipped templates that are missing; templates an administrator changed stay as they are. */
    public int installDefaults(List<Template> defaults) {
        int added = 0;
        for (Template template : defaults) {
            if (templates.add(checked(template))) {
                added++;
            }
        }
        return added;
    }

    private Template checked(Template template) {
        List<Violation> problems = new ArrayList<>();
        renderer.problems(template.key().type(), template.subject())
                .forEach(problem -> problems.add(new Violation("subject", problem)));
        renderer.problems(template.key().type(), template.body())
                .forEach(problem -> problems.add(new Violation("body", problem)));
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        return template;
    }
}
