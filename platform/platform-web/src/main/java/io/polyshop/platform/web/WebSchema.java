package io.polyshop.platform.web;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The idempotency table, in its own PostgreSQL schema {@code polyshop_web} with its own Flyway
 * history. Deliberately not a {@code Flyway} bean: that would switch off Spring Boot's migration of
 * the service's own schema.
 */
public final class WebSchema {

    public WebSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("polyshop_web")
                .createSchemas(true)
                .locations("classpath:db/polyshop-web")
                .load()
                .migrate();
    }
}
