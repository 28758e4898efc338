package io.polyshop.platform.test;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Holds a Spring Boot service test to the service's OpenAPI document: every exchange its tests have
 * through {@link ApiClient} is checked by {@link ApiConformance}, and the class fails after its last
 * test if any of them broke the document (or if none was checked at all).
 * Use with {@code @ExtendWith(KeptToApiDocument.class)} on a {@code RANDOM_PORT} test.
 */
public final class KeptToApiDocument implements BeforeEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace CHECKS = ExtensionContext.Namespace.create(KeptToApiDocument.class);

    @Override
    public void beforeEach(ExtensionContext test) {
        int port = SpringExtension.getApplicationContext(test)
                .getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        test.getParent().orElseThrow().getStore(CHECKS).put(ApiConformance.class, ApiConformance.watch(port));
    }

    @Override
    public void afterAll(ExtensionContext testClass) {
        ApiConformance conformance = testClass.getStore(CHECKS).get(ApiConformance.class, ApiConformance.class);
        if (conformance == null) {
            return;
        }
        if (conformance.exchanges() == 0) {
            Assertions.fail("no exchange was checked against the API document");
        }
        List<String> violations = conformance.violations();
        System.out.println(testClass.getDisplayName() + " kept to its API document: " + conformance.coverage() + ", "
                + violations.size() + " violations");
        if (!violations.isEmpty()) {
            Assertions.fail(violations.size() + " exchanges broke the API document:\n" + String.join("\n", violations));
        }
    }
}
