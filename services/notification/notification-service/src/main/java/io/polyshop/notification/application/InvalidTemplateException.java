package io.polyshop.notification.application;

import io.polyshop.platform.domain.InvalidInputException;
import io.polyshop.platform.domain.Violation;
import java.util.List;

/**
 * A template that cannot be used: broken syntax, a variable its type does not have, unescaped
 * output; each violation names the part at fault ({@code subject} or {@code body}).
 */
public class InvalidTemplateException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidTemplateException(List<Violation> violations) {
        super(violations);
    }
}
