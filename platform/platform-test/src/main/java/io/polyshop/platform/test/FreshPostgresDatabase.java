package io.polyshop.platform.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own empty database on the shared test PostgreSQL server: declare a
 * {@link PostgresDatabase} parameter on a test method, constructor or {@code @BeforeAll} method.
 */
public final class FreshPostgresDatabase implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FreshPostgresDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        testClass,
                        type -> TestEngines.freshPostgresDatabase(testClass.getSimpleName()),
                        PostgresDatabase.class);
    }
}
