package io.polyshop.platform.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The outbox and inbox tables, in their own PostgreSQL schema {@code polyshop_messaging} with their
 * own Flyway history, so they never meet the service's own migrations. Deliberately not a
 * {@code Flyway} bean: that would switch off Spring Boot's migration of the service's schema.
 */
public final class MessagingSchema {

    static final String SCHEMA = "polyshop_messaging";

    public MessagingSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/polyshop-messaging")
                .load()
                .migrate();
    }
}
