package io.polyshop.platform.messaging.documents;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A MongoDB-only service: no DataSource, so only the document outbox is wired. */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
class DocumentSampleApplication {}
