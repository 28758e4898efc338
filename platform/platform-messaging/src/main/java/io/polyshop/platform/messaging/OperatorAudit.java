package io.polyshop.platform.messaging;

import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;

/** The {@code polyshop.audit} log of what an operator did through an endpoint, and who it was. */
final class OperatorAudit {

    private static final Logger audit = LoggerFactory.getLogger("polyshop.audit");

    private OperatorAudit() {}

    /** Writes {@code action} with its details ({@code key=value} pairs) and the caller. */
    static void record(SecurityContext caller, String action, String details) {
        Principal principal = caller.getPrincipal();
        audit.info("{}: {} by={}", action, details, principal == null ? "unknown" : principal.getName());
    }
}
