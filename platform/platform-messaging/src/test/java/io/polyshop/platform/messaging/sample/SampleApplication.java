package io.polyshop.platform.messaging.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service that writes orders with the PostgreSQL outbox and projects their events through
 * the inbox; no MongoDB, so no document outbox.
 */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
        })
public class SampleApplication {}
