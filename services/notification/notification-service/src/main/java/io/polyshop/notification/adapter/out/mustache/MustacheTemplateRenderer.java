package io.polyshop.notification.adapter.out.mustache;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.polyshop.notification.application.port.out.TemplateRenderer;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mustache templates (jmustache). Only escaped output is allowed: triple braces, {@code &} tags,
 * partials and delimiter changes are refused, so a customer's name can never become markup. A
 * template may name only its type's variables, and must render with the type's sample values.
 */
public class MustacheTemplateRenderer implements TemplateRenderer {

    /** Tags that would print a value unescaped or change the syntax that check relies on. */
    private static final Pattern FORBIDDEN_TAG = Pattern.compile("\\{\\{\\s*[{&>=<$]");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    private final Mustache.Compiler html =
            Mustache.compiler().withEscaper(Escapers.HTML).nullValue("");
    private final Mustache.Compiler plain =
            Mustache.compiler().escapeHTML(false).nullValue("");

    @Override
    public List<String> problems(NotificationType type, String text) {
        List<String> problems = new ArrayList<>();
        if (FORBIDDEN_TAG.matcher(text).find()) {
            problems.add("only escaped variables {{name}} and sections are allowed"
                    + " (no {{{...}}}, {{&...}}, partials or delimiter changes)");
            return problems;
        }
        Template template;
        try {
            template = html.compile(text);
        } catch (MustacheException broken) {
            problems.add("broken syntax: " + broken.getMessage());
            return problems;
        }
        Set<String> known = new HashSet<>();
        for (Variable variable : type.variables()) {
            known.add(variable.name());
            known.addAll(variable.itemFields());
        }
        Set<String> unknown = new LinkedHashSet<>();
        List<String> unclosed = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
                if (text.contains("{{") || text.contains("}}")) {
                    unclosed.add(text.strip());
                }
            }

            @Override
            public void visitVariable(String name) {
                if (!known.contains(name)) {
                    unknown.add(name);
                }
            }

            @Override
            public boolean visitInclude(String name) {
                unknown.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                return visitVariableSection(name);
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return visitVariableSection(name);
            }

            private boolean visitVariableSection(String name) {
                visitVariable(name);
                return true;
            }
        });
        unclosed.forEach(piece -> problems.add("broken syntax: a tag is not closed in '" + piece + "'"));
        unknown.forEach(name -> problems.add("unknown variable '" + name + "'; " + type + " has " + names(type)));
        if (problems.isEmpty()) {
            try {
                template.execute(type.sampleValues());
            } catch (MustacheException misplaced) {
                problems.add("does not render with sample values: " + misplaced.getMessage());
            }
        }
        return problems;
    }

    @Override
    public String render(String text, Map<String, Object> values, Channel.Markup markup, boolean singleLine) {
        Mustache.Compiler compiler = markup == Channel.Markup.HTML ? html : plain;
        String rendered = compiler.compile(text).execute(values);
        return singleLine ? LINE_BREAKS.matcher(rendered).replaceAll(" ").strip() : rendered;
    }

    private static String names(NotificationType type) {
        List<String> names = new ArrayList<>();
        for (Variable variable : type.variables()) {
            names.add(
                    variable.isList()
                            ? variable.name() + "[" + String.join(", ", variable.itemFields()) + "]"
                            : variable.name());
        }
        return String.join(", ", names);
    }
}
