package io.polyshop.notification.config;

import io.polyshop.notification.application.TemplateAdministration;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Template;
import io.polyshop.notification.domain.TemplateKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The templates the service ships with, one per type and channel in the default locale, read from
 * {@code templates/<type>.<channel>.mustache} (first line {@code Subject: ...}, a blank line, the
 * body). Missing ones are added at start; templates an administrator changed are left alone.
 */
class ShippedTemplates implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ShippedTemplates.class);
    private static final String SUBJECT = "Subject: ";

    private final TemplateAdministration administration;
    private final Clock clock;

    ShippedTemplates(TemplateAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        List<Template> shipped = new ArrayList<>();
        for (NotificationType type : NotificationType.values()) {
            for (Channel channel : Channel.values()) {
                shipped.add(read(new TemplateKey(type, channel, TemplateKey.DEFAULT_LOCALE)));
            }
        }
        int added = administration.installDefaults(shipped);
        if (added > 0) {
            log.info("added {} shipped notification templates", added);
        }
    }

    private Template read(TemplateKey key) {
        String resource = "templates/" + key.type().name().toLowerCase(Locale.ROOT) + "."
                + key.channel().name().toLowerCase(Locale.ROOT) + ".mustache";
        try (InputStream in = ShippedTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped template " + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfSubject = text.indexOf("\n\n");
            if (!text.startsWith(SUBJECT) || endOfSubject < 0) {
                throw new IllegalStateException(
                        resource + " must start with 'Subject: ...' and a blank line before the body");
            }
            return new Template(
                    key,
                    text.substring(SUBJECT.length(), endOfSubject).strip(),
                    text.substring(endOfSubject + 2),
                    1,
                    clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
