package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.Template;
import io.polyshop.notification.domain.TemplateKey;
import java.util.List;
import java.util.Optional;

/** Where templates are kept. */
public interface Templates {

    Optional<Template> find(TemplateKey key);

    List<Template> all();

    /** Adds a template; false when its key has one already. */
    boolean add(Template template);

    /** Replaces the template if it still has {@code expectedVersion}; false otherwise. */
    boolean replace(Template template, long expectedVersion);
}
